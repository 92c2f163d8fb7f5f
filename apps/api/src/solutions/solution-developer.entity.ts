import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { City } from '../cities/index.js';
import { Solution } from './solution.entity.js';

/** A city that developed a solution; a solution may have several. */
@Entity('solution_developer')
export class SolutionDeveloper {
  @PrimaryColumn({ type: 'integer' })
  solutionId: number;

  @ManyToOne(() => Solution, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'solutionId' })
  solution?: Relation<Solution>;

  @Index('IDX_solution_developer_city')
  @PrimaryColumn({ type: 'integer' })
  cityId: number;

  @ManyToOne('City', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cityId' })
  city?: Relation<City>;
}
