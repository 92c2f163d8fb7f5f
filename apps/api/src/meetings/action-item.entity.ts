import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ActionItemStatus } from '@koop/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { City } from '../cities/index.js';
import { DateScalar } from '../common/index.js';
import type { Cooperation } from '../cooperations/index.js';
import { TIMESTAMP } from '../database/index.js';
import type { Project } from '../projects/index.js';
import type { WorkingGroup } from '../working-groups/index.js';
import { Meeting } from './meeting.entity.js';
import './meeting-enums.js';

@ObjectType({ description: 'An action item recorded at a meeting: who does what by when.' })
@Entity('action_item')
@Index('IDX_action_item_cooperation_status_due', ['cooperationId', 'status', 'dueOn'])
export class ActionItem {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_action_item_meeting')
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
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => ActionItemStatus)
  @Column({ type: 'varchar', length: 10 })
  status: ActionItemStatus;

  @Field(() => DateScalar)
  @Column({ type: 'date' })
  dueOn: string;

  @Index('IDX_action_item_owner_city')
  @Column({ type: 'integer', nullable: true })
  ownerCityId: number | null;

  @ManyToOne('City', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'ownerCityId' })
  ownerCity?: Relation<City> | null;

  @Index('IDX_action_item_owner_working_group')
  @Column({ type: 'integer', nullable: true })
  ownerWorkingGroupId: number | null;

  @ManyToOne('WorkingGroup', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'ownerWorkingGroupId' })
  ownerWorkingGroup?: Relation<WorkingGroup> | null;

  @Index('IDX_action_item_project')
  @Column({ type: 'integer', nullable: true })
  projectId: number | null;

  @ManyToOne('Project', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'projectId' })
  project?: Relation<Project> | null;

  @Field(() => Date)
  @Column({ type: TIMESTAMP })
  createdAt: Date;

  /** When the status left OPEN (DONE or DROPPED); null while open. The digest counts items done by it. */
  @Field(() => Date, { nullable: true, description: 'When it was marked DONE or DROPPED.' })
  @Column({ type: TIMESTAMP, nullable: true })
  closedAt: Date | null;

  @Field(() => Int, {
    description: 'Changes with every edit; send it back to edit without overwriting others.',
  })
  @Column({ type: 'integer', default: 1 })
  version: number;
}
