import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../database/index.js';

@ObjectType({
  description: 'Who changed what, when, with the values before and after. Never changed or deleted.',
})
@Entity('audit_entry')
@Index('IDX_audit_entity', ['entity', 'entityId'])
@Index('IDX_audit_at', ['at'])
@Index('IDX_audit_city', ['cityId'])
@Index('IDX_audit_project', ['projectId'])
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Date)
  @Column({ type: TIMESTAMP })
  at: Date;

  @Field(() => ID, { nullable: true, description: 'The account that made the change; null for the system.' })
  @Index('IDX_audit_account')
  @Column({ type: 'integer', nullable: true })
  accountId: number | null;

  @Field({ description: 'Username at the time of the change.' })
  @Column({ type: 'varchar', length: 60 })
  username: string;

  @Field({ description: 'The operation, e.g. recordAdoption.' })
  @Column({ type: 'varchar', length: 60 })
  operation: string;

  @Field({ description: 'The kind of row changed, e.g. Adoption.' })
  @Column({ type: 'varchar', length: 40 })
  entity: string;

  @Field()
  @Column({ type: 'varchar', length: 40 })
  entityId: string;

  /**
   * The city the row belongs to: the city itself, or the city of an adoption, satisfaction figures or
   * membership. Kept in a column of its own so that a city's history is found by an index, not by JSON.
   */
  @Column({ type: 'integer', nullable: true })
  cityId: number | null;

  /** The project the row belongs to: the project itself, or the project of a milestone, adoption or figures. */
  @Column({ type: 'integer', nullable: true })
  projectId: number | null;

  /** JSON of the row before; null when it was created. */
  @Column({ type: 'text', nullable: true })
  before: string | null;

  /** JSON of the row after. */
  @Column({ type: 'text', nullable: true })
  after: string | null;
}
