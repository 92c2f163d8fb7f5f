import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ProjectHealth, ProjectPhase } from '@koop/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TIMESTAMP } from '../database/index.js';
import { Project } from './project.entity.js';

@ObjectType({ description: 'A dated entry in a project’s history; never edited or deleted.' })
@Entity('status_update')
@Index('IDX_status_update_project_created', ['projectId', 'createdAt'])
export class StatusUpdate {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Relation<Project>;

  @Field(() => Date)
  @Column({ type: TIMESTAMP })
  createdAt: Date;

  @Field(() => String, { nullable: true, description: 'Who wrote the update.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  author: string | null;

  @Field(() => ProjectPhase)
  @Column({ type: 'varchar', length: 20 })
  phase: ProjectPhase;

  @Field(() => ProjectHealth)
  @Column({ type: 'varchar', length: 10 })
  health: ProjectHealth;

  @Field(() => Int)
  @Column({ type: 'integer' })
  progress: number;

  @Field()
  @Column({ type: 'text' })
  summary: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  blockers: string | null;
}
