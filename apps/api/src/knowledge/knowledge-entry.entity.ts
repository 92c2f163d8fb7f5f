import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TIMESTAMP } from '../database/index.js';
import type { Project } from '../projects/index.js';
import type { Solution } from '../solutions/index.js';
import type { WorkingGroup } from '../working-groups/index.js';

@ObjectType({
  description:
    'A Markdown text of a working group: lessons learned, a standard, a position, a FAQ. Its changes are in history.',
})
@Entity('knowledge_entry')
export class KnowledgeEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field({ description: 'The text as Markdown.' })
  @Column({ type: 'text' })
  body: string;

  /** Lower-case tags, as a JSON array; filtered with LIKE on the quoted tag (see knowledge.queries.ts). */
  @Field(() => [String], { description: 'Lower-case tags, in the order given.' })
  @Column({ type: 'simple-json' })
  tags: string[];

  @Index('IDX_knowledge_entry_working_group')
  @Column({ type: 'integer', nullable: true })
  workingGroupId: number | null;

  @ManyToOne('WorkingGroup', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'workingGroupId' })
  workingGroup?: Relation<WorkingGroup> | null;

  @Index('IDX_knowledge_entry_project')
  @Column({ type: 'integer', nullable: true })
  projectId: number | null;

  @ManyToOne('Project', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'projectId' })
  project?: Relation<Project> | null;

  @Index('IDX_knowledge_entry_solution')
  @Column({ type: 'integer', nullable: true })
  solutionId: number | null;

  @ManyToOne('Solution', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'solutionId' })
  solution?: Relation<Solution> | null;

  @Field(() => Date)
  @Column({ type: TIMESTAMP })
  createdAt: Date;

  @Field(() => Date)
  @Index('IDX_knowledge_entry_updated')
  @Column({ type: TIMESTAMP })
  updatedAt: Date;

  @Field(() => Int, {
    description: 'Changes with every edit; send it back to edit without overwriting others.',
  })
  @Column({ type: 'integer', default: 1 })
  version: number;
}
