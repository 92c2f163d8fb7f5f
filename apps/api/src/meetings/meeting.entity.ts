import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MeetingKind, MeetingState } from '@koop/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { City } from '../cities/index.js';
import type { Cooperation } from '../cooperations/index.js';
import { TIMESTAMP } from '../database/index.js';
import type { WorkingGroup } from '../working-groups/index.js';
import './meeting-enums.js';

@ObjectType({ description: 'An annual meeting of a cooperation or a meeting of a working group.' })
@Entity('meeting')
@Index('IDX_meeting_cooperation_starts', ['cooperationId', 'startsAt'])
export class Meeting {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => MeetingKind)
  @Column({ type: 'varchar', length: 30 })
  kind: MeetingKind;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => Date)
  @Column({ type: TIMESTAMP })
  startsAt: Date;

  @Field(() => Int, { nullable: true, description: 'Planned duration in minutes.' })
  @Column({ type: 'integer', nullable: true })
  durationMinutes: number | null;

  @Field(() => MeetingState)
  @Column({ type: 'varchar', length: 20 })
  state: MeetingState;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  location: string | null;

  @Column({ type: 'integer', nullable: true })
  hostCityId: number | null;

  @ManyToOne('City', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'hostCityId' })
  hostCity?: Relation<City> | null;

  /**
   * The cooperation the meeting belongs to: its own for an annual meeting, the working group's for a
   * working-group meeting (kept on the row so that lists, figures and change events need no join).
   */
  @Column({ type: 'integer' })
  cooperationId: number;

  @ManyToOne('Cooperation', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cooperationId' })
  cooperation?: Relation<Cooperation>;

  /** Set for working-group meetings only. */
  @Index('IDX_meeting_working_group')
  @Column({ type: 'integer', nullable: true })
  workingGroupId: number | null;

  @ManyToOne('WorkingGroup', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'workingGroupId' })
  workingGroup?: Relation<WorkingGroup> | null;

  @Field(() => Date)
  @Column({ type: TIMESTAMP })
  createdAt: Date;

  @Field(() => Int, {
    description: 'Changes with every edit; send it back to edit without overwriting others.',
  })
  @Column({ type: 'integer', default: 1 })
  version: number;
}
