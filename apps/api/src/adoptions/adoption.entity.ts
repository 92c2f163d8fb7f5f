import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AdoptionSource, AdoptionStage } from '@koop/domain';
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
import { DateScalar } from '../common/index.js';

@ObjectType({ description: 'The adoption (Nachnutzung) of a project’s service by one city.' })
@Entity('adoption')
@Unique('UQ_adoption_project_city', ['projectId', 'cityId'])
// A city's records with what a cell of the adoption matrix shows: the matrix reads them from this index
// alone (at Bavaria scale 57,000 of them), without a look-up of each row. It also serves every look-up by
// city that a plain index on cityId would.
@Index('IDX_adoption_city_cells', ['cityId', 'projectId', 'stage', 'maturityModel', 'maturityLevel'])
export class Adoption {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { description: 'The project’s id, without loading the project.' })
  @Column({ type: 'integer' })
  projectId: number;

  @ManyToOne('Project', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Relation<Project>;

  @Field(() => ID, { description: 'The city’s id, without loading the city.' })
  @Column({ type: 'integer' })
  cityId: number;

  @ManyToOne('City', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cityId' })
  city?: Relation<City>;

  @Field(() => AdoptionStage)
  @Column({ type: 'varchar', length: 20 })
  stage: AdoptionStage;

  @Field({ description: 'OZG maturity model: "1.1" (levels 0–4) or "2.0" (levels 0–7).' })
  @Column({ type: 'varchar', length: 3 })
  maturityModel: string;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  maturityLevel: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date the service went live in the city.' })
  @Column({ type: 'date', nullable: true })
  liveSince: string | null;

  @Field(() => AdoptionSource, { nullable: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  source: AdoptionSource | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field(() => Date)
  @Column({ type: TIMESTAMP })
  updatedAt: Date;

  @Field(() => Int, {
    description: 'Changes with every edit; send it back to edit without overwriting others.',
  })
  @Column({ type: 'integer', default: 1 })
  version: number;
}
