import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { City } from '../cities/index.js';
import { WorkingGroup } from './working-group.entity.js';

@Entity('working_group_member')
export class WorkingGroupMember {
  @PrimaryColumn({ type: 'integer' })
  workingGroupId: number;

  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workingGroupId' })
  workingGroup?: Relation<WorkingGroup>;

  @PrimaryColumn({ type: 'integer' })
  cityId: number;

  @ManyToOne('City', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cityId' })
  city?: Relation<City>;
}
