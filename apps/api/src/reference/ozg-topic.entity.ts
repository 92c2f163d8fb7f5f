import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'An OZG topic area (Themenfeld).' })
@Entity('ozg_topic')
export class OzgTopic {
  @Field()
  @PrimaryColumn({ type: 'varchar', length: 40 })
  key: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  nameDe: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  nameEn: string;
}
