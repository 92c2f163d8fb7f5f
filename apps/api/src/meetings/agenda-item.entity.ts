import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { Project } from '../projects/index.js';
import { Meeting } from './meeting.entity.js';

@ObjectType({ description: 'An item of a meeting’s agenda.' })
@Entity('agenda_item')
@Index('IDX_agenda_item_meeting_position', ['meetingId', 'position'], { unique: true })
export class AgendaItem {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  meetingId: number;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meetingId' })
  meeting?: Relation<Meeting>;

  /** The meeting's cooperation, for lists and change events. */
  @Column({ type: 'integer' })
  cooperationId: number;

  @Field(() => Int, { description: 'Place on the agenda, from 1.' })
  @Column({ type: 'integer' })
  position: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { nullable: true, description: 'Who presents: a role or a city, as text.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  presenter: string | null;

  @Field(() => Int, { nullable: true, description: 'Planned minutes.' })
  @Column({ type: 'integer', nullable: true })
  durationMinutes: number | null;

  @Index('IDX_agenda_item_project')
  @Column({ type: 'integer', nullable: true })
  projectId: number | null;

  @ManyToOne('Project', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'projectId' })
  project?: Relation<Project> | null;
}
