import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { Cooperation } from '../cooperations/index.js';
import { TIMESTAMP } from '../database/index.js';
import { Meeting } from './meeting.entity.js';

@ObjectType({ description: 'A decision (Beschluss) taken at a meeting.' })
@Entity('decision')
@Index('IDX_decision_cooperation_recorded', ['cooperationId', 'recordedAt'])
export class Decision {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_decision_meeting')
  @Column({ type: 'integer' })
  meetingId: number;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meetingId' })
  meeting?: Relation<Meeting>;

  /** The meeting's cooperation, for lists, the report and change events. */
  @Column({ type: 'integer' })
  cooperationId: number;

  @ManyToOne('Cooperation', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cooperationId' })
  cooperation?: Relation<Cooperation>;

  @Field()
  @Column({ type: 'text' })
  text: string;

  @Field(() => Date)
  @Column({ type: TIMESTAMP })
  recordedAt: Date;
}
