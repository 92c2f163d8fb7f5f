import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AdoptionSource, AdoptionStage } from '@koop/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { DateScalar } from '../common/index.js';
import { TIMESTAMP } from '../database/index.js';
import { Adoption } from './adoption.entity.js';

@ObjectType({ description: 'One state of an adoption, kept for its history.' })
@Entity('adoption_change')
@Index('IDX_adoption_change_project_city_recorded', ['projectId', 'cityId', 'recordedAt'])
// An adoption's history in the order "its state at a moment" reads it (the latest row before the moment, by
// time, then id): found by a seek, without sorting the rows of each adoption.
@Index('IDX_adoption_change_adoption_recorded', ['adoptionId', 'recordedAt', 'id'])
export class AdoptionChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  adoptionId: number;

  @ManyToOne(() => Adoption, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'adoptionId' })
  adoption?: Relation<Adoption>;

  @Column({ type: 'integer' })
  projectId: number;

  @Column({ type: 'integer' })
  cityId: number;

  @Field(() => Date)
  @Column({ type: TIMESTAMP })
  recordedAt: Date;

  @Field(() => AdoptionStage)
  @Column({ type: 'varchar', length: 20 })
  stage: AdoptionStage;

  @Field()
  @Column({ type: 'varchar', length: 3 })
  maturityModel: string;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  maturityLevel: number | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ type: 'date', nullable: true })
  liveSince: string | null;

  @Field(() => AdoptionSource, { nullable: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  source: AdoptionSource | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;

  /** JSON of the warnings the API answered when this state was recorded; null for none. */
  @Column({ type: 'text', nullable: true })
  warnings: string | null;
}
