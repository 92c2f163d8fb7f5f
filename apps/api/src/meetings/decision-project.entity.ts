import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { Project } from '../projects/index.js';
import { Decision } from './decision.entity.js';

/** A project a decision concerns. */
@Entity('decision_project')
export class DecisionProject {
  @PrimaryColumn({ type: 'integer' })
  decisionId: number;

  @ManyToOne(() => Decision, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'decisionId' })
  decision?: Relation<Decision>;

  @Index('IDX_decision_project_project')
  @PrimaryColumn({ type: 'integer' })
  projectId: number;

  @ManyToOne('Project', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Relation<Project>;
}
