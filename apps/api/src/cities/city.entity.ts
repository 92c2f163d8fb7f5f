import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'A municipality (Kommune).' })
@Entity('city')
export class City {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field({ description: 'Amtlicher Gemeindeschlüssel, 8 digits.' })
  @Column({ type: 'varchar', length: 8, unique: true })
  ags: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  population: number;

  @Field({ description: 'Administrative district (Regierungsbezirk).' })
  @Column({ type: 'varchar', length: 40 })
  district: string;

  @Field({ description: 'kreisfreie Stadt, Große Kreisstadt or Gemeinde.' })
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Field(() => Int, {
    description: 'Changes with every edit; send it back to edit without overwriting others.',
  })
  @Column({ type: 'integer', default: 1 })
  version: number;
}
