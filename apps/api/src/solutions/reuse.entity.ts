import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import type { Adoption } from '../adoptions/index.js';
import type { City } from '../cities/index.js';
import { DateScalar } from '../common/index.js';
import { TIMESTAMP } from '../database/index.js';
import { Solution } from './solution.entity.js';

@ObjectType({ description: 'A city that took over a solution: since when, how it went, what it learned.' })
@Entity('reuse')
@Unique('UQ_reuse_solution_city', ['solutionId', 'cityId'])
export class Reuse {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { description: 'The solution’s id, without loading it.' })
  @Column({ type: 'integer' })
  solutionId: number;

  @ManyToOne(() => Solution, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'solutionId' })
  solution?: Relation<Solution>;

  @Field(() => ID, { description: 'The reusing city’s id, without loading it.' })
  @Index('IDX_reuse_city')
  @Column({ type: 'integer' })
  cityId: number;

  @ManyToOne('City', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cityId' })
  city?: Relation<City>;

  @Field(() => DateScalar, { nullable: true, description: 'Since when the city uses it.' })
  @Index('IDX_reuse_since')
  @Column({ type: 'date', nullable: true })
  since: string | null;

  @Field(() => Int, { nullable: true, description: 'How it went, 1 (badly) to 5 (very well).' })
  @Column({ type: 'integer', nullable: true })
  experience: number | null;

  @Field(() => String, { nullable: true, description: 'What the city learned.' })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /**
   * The city's adoption (source REUSED_FROM_PARTNER or EFA_SUBSCRIPTION) that this reuse stands behind.
   * Kept here rather than on the adoption, so that the adoption's table stays as it is.
   */
  @Index('UQ_reuse_adoption', { unique: true })
  @Column({ type: 'integer', nullable: true })
  adoptionId: number | null;

  @ManyToOne('Adoption', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'adoptionId' })
  adoption?: Relation<Adoption> | null;

  @Field(() => Date)
  @Column({ type: TIMESTAMP })
  recordedAt: Date;

  @Field(() => Date)
  @Column({ type: TIMESTAMP })
  updatedAt: Date;

  @Field(() => Int, {
    description: 'Changes with every edit; send it back to edit without overwriting others.',
  })
  @Column({ type: 'integer', default: 1 })
  version: number;
}
