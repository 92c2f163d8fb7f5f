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
import type { City } from '../cities/index.js';
import { Cooperation } from './cooperation.entity.js';
import { DateScalar } from '../common/index.js';

@ObjectType({ description: "A city's membership in a cooperation." })
@Entity('membership')
@Unique('UQ_membership_cooperation_city', ['cooperationId', 'cityId'])
export class Membership {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  cooperationId: number;

  @ManyToOne(() => Cooperation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cooperationId' })
  cooperation?: Relation<Cooperation>;

  @Index('IDX_membership_city')
  @Column({ type: 'integer' })
  cityId: number;

  @ManyToOne('City', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cityId' })
  city?: Relation<City>;

  @Field(() => DateScalar, { nullable: true, description: 'Date the city joined.' })
  @Column({ type: 'date', nullable: true })
  joinedOn: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day the city is no longer a member; the membership is kept as history.',
  })
  @Column({ type: 'date', nullable: true })
  endedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Role in the cooperation, e.g. lead of a team.' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  role: string | null;

  @Field(() => Int, {
    description: 'Changes with every edit; send it back to edit without overwriting others.',
  })
  @Column({ type: 'integer', default: 1 })
  version: number;
}
