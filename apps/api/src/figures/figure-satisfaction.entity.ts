import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';

/** PostgreSQL hands bigint over as a string (it may exceed 2^53); these sums stay far below that. */
const BIGINT_AS_NUMBER: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * Satisfaction figures of `month` with the cooperation's projects in member cities whose membership began on
 * `memberSince` (0001-01-01 for a membership without a date), as the sums that a rating-weighted average and
 * a completion rate are made of. Derived rows (see figures.ts): no foreign keys, rebuilt wholesale.
 */
@Entity('figure_satisfaction')
export class FigureSatisfaction {
  @PrimaryColumn({ type: 'integer' })
  cooperationId: number;

  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'date' })
  memberSince: string;

  /** Ratings of the months that have an average rating. */
  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  ratingsCount: number;

  /** Σ averageRating × ratingsCount. */
  @Column({ type: 'double precision' })
  weightedRating: number;

  /** Started transactions of the months that also know their completed ones. */
  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  transactionsStarted: number;

  /** Completed transactions of the months that also know their started ones. */
  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  transactionsCompleted: number;
}
