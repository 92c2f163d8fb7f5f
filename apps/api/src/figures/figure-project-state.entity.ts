import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Change, during `month`, in the number of the cooperation's projects that are in a state (kind, phase,
 * health) by their latest status update: the state at the end of month M is the sum of the rows up to M.
 * A project counts under its current kind. Derived rows (see figures.ts): no foreign keys, rebuilt wholesale.
 */
@Entity('figure_project_state')
export class FigureProjectState {
  @PrimaryColumn({ type: 'integer' })
  cooperationId: number;

  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  kind: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  phase: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  health: string;

  @Column({ type: 'integer' })
  projects: number;
}
