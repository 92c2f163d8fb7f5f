import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'A cooperation of cities (Kooperation).' })
@Entity('cooperation')
export class Cooperation {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 200, unique: true })
  name: string;

  @Field()
  @Column({ type: 'varchar', length: 40, unique: true })
  shortName: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => Int, {
    description: 'Changes with every edit; send it back to edit without overwriting others.',
  })
  @Column({ type: 'integer', default: 1 })
  version: number;
}
