import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SolutionKind, SolutionStatus } from '@koop/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TIMESTAMP } from '../database/index.js';
import type { Project } from '../projects/index.js';
import './solution-enums.js';

@ObjectType({ description: 'A reusable result of the cooperation (Lösung), offered to every city.' })
@Entity('solution')
@Index('IDX_solution_kind_status', ['kind', 'status'])
export class Solution {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => SolutionKind)
  @Column({ type: 'varchar', length: 30 })
  kind: SolutionKind;

  @Field(() => SolutionStatus)
  @Column({ type: 'varchar', length: 20 })
  status: SolutionStatus;

  @Field()
  @Column({ type: 'text' })
  summary: string;

  @Field(() => String, {
    nullable: true,
    description: 'An SPDX licence identifier (e.g. EUPL-1.2) or "proprietary".',
  })
  @Column({ type: 'varchar', length: 100, nullable: true })
  licence: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where to get it: repository, EfA marketplace, document (http or https).',
  })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'How to integrate it.' })
  @Column({ type: 'text', nullable: true })
  integrationNotes: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A role and an office to ask (optionally a functional mailbox), never a person’s name.',
  })
  @Column({ type: 'varchar', length: 300, nullable: true })
  contact: string | null;

  @Field(() => ID, { nullable: true, description: 'The project it came from, without loading it.' })
  @Index('IDX_solution_project')
  @Column({ type: 'integer', nullable: true })
  projectId: number | null;

  @ManyToOne('Project', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'projectId' })
  project?: Relation<Project> | null;

  @Field(() => Date)
  @Column({ type: TIMESTAMP })
  createdAt: Date;

  @Field(() => Date)
  @Column({ type: TIMESTAMP })
  updatedAt: Date;

  @Field(() => Int, {
    description: 'Changes with every edit; send it back to edit without overwriting others.',
  })
  @Column({ type: 'integer', default: 1 })
  version: number;
}
