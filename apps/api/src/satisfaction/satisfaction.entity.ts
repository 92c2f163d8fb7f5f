import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
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
import type { City } from '../cities/index.js';
import { TIMESTAMP } from '../database/index.js';
import type { Project } from '../projects/index.js';

@ObjectType({ description: 'Monthly satisfaction and usage figures of one service in one city.' })
@Entity('satisfaction')
@Unique('UQ_satisfaction_project_city_month', ['projectId', 'cityId', 'month'])
@Index('IDX_satisfaction_month', ['month'])
export class Satisfaction {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  projectId: number;

  @ManyToOne('Project', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Relation<Project>;

  @Index('IDX_satisfaction_city')
  @Column({ type: 'integer' })
  cityId: number;

  @ManyToOne('City', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cityId' })
  city?: Relation<City>;

  @Field({ description: 'YYYY-MM' })
  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  ratingsCount: number;

  @Field(() => Float, { nullable: true, description: 'Average rating on the 1–5 star scale.' })
  @Column({ type: 'double precision', nullable: true })
  averageRating: number | null;

  @Field(() => Float, { nullable: true, description: 'Net promoter score, −100 to 100.' })
  @Column({ type: 'double precision', nullable: true })
  nps: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  transactionsStarted: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  transactionsCompleted: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  visits: number | null;

  @Field(() => Date)
  @Column({ type: TIMESTAMP })
  updatedAt: Date;

  @Field(() => Int)
  @Column({ type: 'integer', default: 1 })
  version: number;
}
