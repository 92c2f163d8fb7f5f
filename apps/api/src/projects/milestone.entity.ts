import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Project } from './project.entity.js';
import { DateScalar } from '../common/index.js';

@ObjectType({ description: 'A milestone of a project.' })
@Entity('milestone')
export class Milestone {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_milestone_project')
  @Column({ type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Relation<Project>;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => DateScalar, { description: 'Due date.' })
  @Column({ type: 'date' })
  dueOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date it was reached, if it was.' })
  @Column({ type: 'date', nullable: true })
  doneOn: string | null;

  @Field(() => Int, {
    description: 'Changes with every edit; send it back to edit without overwriting others.',
  })
  @Column({ type: 'integer', default: 1 })
  version: number;
}
