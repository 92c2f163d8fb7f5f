import { Role } from '@koop/domain';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { City } from '../cities/index.js';
import type { WorkingGroup } from '../working-groups/index.js';
import { Account } from './account.entity.js';

@ObjectType({
  description: 'A role an account holds, scoped to a city or working group where the role needs one.',
})
@Entity('role_grant')
export class RoleGrant {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_role_grant_account')
  @Column({ type: 'integer' })
  accountId: number;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Relation<Account>;

  @Field(() => Role)
  @Column({ type: 'varchar', length: 30 })
  role: Role;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  cityId: number | null;

  @ManyToOne('City', { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'cityId' })
  city?: Relation<City> | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  workingGroupId: number | null;

  @ManyToOne('WorkingGroup', { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'workingGroupId' })
  workingGroup?: Relation<WorkingGroup> | null;
}
