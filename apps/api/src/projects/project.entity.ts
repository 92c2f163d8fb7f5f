import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ProjectHealth, ProjectKind, ProjectPhase } from '@koop/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { City } from '../cities/index.js';
import { TIMESTAMP } from '../database/index.js';
import type { WorkingGroup } from '../working-groups/index.js';
import { DateScalar } from '../common/index.js';

@ObjectType({ description: 'A shared project (Gemeinschaftsprojekt) of a working group.' })
@Entity('project')
@Index('IDX_project_kind_phase', ['kind', 'phase'])
export class Project {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_project_working_group')
  @Column({ type: 'integer' })
  workingGroupId: number;

  @ManyToOne('WorkingGroup', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workingGroupId' })
  workingGroup?: Relation<WorkingGroup>;

  @Index('IDX_project_owner_city')
  @Column({ type: 'integer', nullable: true })
  ownerCityId: number | null;

  @ManyToOne('City', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'ownerCityId' })
  ownerCity?: Relation<City> | null;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => ProjectKind)
  @Column({ type: 'varchar', length: 20 })
  kind: ProjectKind;

  @Field(() => ProjectPhase, { description: 'Phase of the latest status update.' })
  @Column({ type: 'varchar', length: 20 })
  phase: ProjectPhase;

  @Field(() => ProjectHealth, { description: 'Health of the latest status update.' })
  @Column({ type: 'varchar', length: 10 })
  health: ProjectHealth;

  @Field(() => Int, { description: 'Progress in percent (0–100) of the latest status update.' })
  @Column({ type: 'integer' })
  progress: number;

  @Field(() => DateScalar, { nullable: true, description: 'Start date.' })
  @Column({ type: 'date', nullable: true })
  startDate: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Target date.' })
  @Column({ type: 'date', nullable: true })
  targetDate: string | null;

  @Field(() => String, { nullable: true, description: 'LeiKa key of an online service, 14 digits.' })
  @Column({ type: 'varchar', length: 14, nullable: true })
  leikaKey: string | null;

  @Field(() => String, { nullable: true, description: 'Key of the OZG topic area (Themenfeld).' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  ozgTopic: string | null;

  @Field({ description: 'Whether the service is built once for all (Einer für Alle).' })
  @Column({ type: 'boolean', default: false })
  isEfa: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  risks: string | null;

  @Field(() => Date)
  @Column({ type: TIMESTAMP })
  updatedAt: Date;

  @Field(() => Int, {
    description: 'Changes with every edit; send it back to edit without overwriting others.',
  })
  @Column({ type: 'integer', default: 1 })
  version: number;
}
