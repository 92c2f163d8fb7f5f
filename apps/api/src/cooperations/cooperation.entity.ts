import { Field, ID, ObjectType } from '@nestjs/graphql';
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
}
