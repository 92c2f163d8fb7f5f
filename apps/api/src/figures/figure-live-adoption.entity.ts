import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Change, during `month`, in the number of adoptions at stage LIVE (each in its latest recorded state) of the
 * cooperation's online services by member cities whose membership began on `memberSince` (0001-01-01 for a
 * membership without a date). Live adoptions at the end of month M are the sum of the rows up to M.
 * Derived rows (see figures.ts): no foreign keys, rebuilt wholesale.
 */
@Entity('figure_live_adoption')
export class FigureLiveAdoption {
  @PrimaryColumn({ type: 'integer' })
  cooperationId: number;

  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'date' })
  memberSince: string;

  @Column({ type: 'integer' })
  adoptions: number;
}
