import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';

/** PostgreSQL hands bigint over as a string (it may exceed 2^53); these sums stay far below that. */
const BIGINT_AS_NUMBER: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * Satisfaction figures of `month` with the cooperation's projects in member cities whose membership began on
 * `memberSince` (0001-01-01 for a membership without a date), as the sums that rating-weighted averages, a
 * completion rate and the cooperation's monthly series are made of, with the number of recorded months
 * behind each sum that may be unknown. Derived rows (see figures.ts): no foreign keys, rebuilt wholesale.
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

  /** Recorded months (satisfaction rows), whatever they know: a month with any of them is a point of a series. */
  @Column({ type: 'integer' })
  recordedMonths: number;

  /** Ratings of the months that have a net promoter score. */
  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  npsRatings: number;

  /** Σ nps × ratingsCount. */
  @Column({ type: 'double precision' })
  weightedNps: number;

  /** Recorded months that know both started and completed transactions (none: the figures are unknown). */
  @Column({ type: 'integer' })
  transactionMonths: number;

  /** Visits of the months that know them. */
  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  visits: number;

  /** Recorded months that know their visits (none: the visits are unknown). */
  @Column({ type: 'integer' })
  visitMonths: number;
}
