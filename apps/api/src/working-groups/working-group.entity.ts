import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { WorkingGroupFocus } from '@koop/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { City } from '../cities/index.js';
import type { Cooperation } from '../cooperations/index.js';

@ObjectType({ description: 'A working group (Arbeitszirkel) of a cooperation.' })
@Entity('working_group')
export class WorkingGroup {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_working_group_cooperation')
  @Column({ type: 'integer' })
  cooperationId: number;

  @ManyToOne('Cooperation', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cooperationId' })
  cooperation?: Relation<Cooperation>;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => WorkingGroupFocus)
  @Column({ type: 'varchar', length: 20 })
  focus: WorkingGroupFocus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'integer', nullable: true })
  leadCityId: number | null;

  @ManyToOne('City', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'leadCityId' })
  leadCity?: Relation<City> | null;

  @Field(() => String, { nullable: true, description: 'Name of the person who leads the group.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  leadPerson: string | null;

  @Field(() => Int, {
    description: 'Changes with every edit; send it back to edit without overwriting others.',
  })
  @Column({ type: 'integer', default: 1 })
  version: number;
}
