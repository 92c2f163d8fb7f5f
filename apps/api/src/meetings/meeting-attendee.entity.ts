import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { City } from '../cities/index.js';
import { Meeting } from './meeting.entity.js';

/** A city taking part in a meeting, with the role it attends in; never a person's contact data. */
@ObjectType({ description: 'A city attending a meeting, and in which role (e.g. "CDO", "Gastgeber").' })
@Entity('meeting_attendee')
export class MeetingAttendee {
  @PrimaryColumn({ type: 'integer' })
  meetingId: number;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meetingId' })
  meeting?: Relation<Meeting>;

  @PrimaryColumn({ type: 'integer' })
  cityId: number;

  @ManyToOne('City', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cityId' })
  city?: Relation<City>;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  role: string | null;
}
