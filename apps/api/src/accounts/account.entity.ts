import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../database/index.js';

@ObjectType({ description: 'A person who signs in. Personal data: only admins see other accounts.' })
@Entity('account')
export class Account {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'varchar', length: 60, unique: true })
  username: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  /** argon2id hash; null for accounts that sign in through OpenID Connect only. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  passwordHash: string | null;

  @Field({ description: 'True until the one-time initial password has been replaced.' })
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  /** `issuer|subject` of the OpenID Connect identity linked to the account. */
  @Column({ type: 'varchar', length: 300, nullable: true, unique: true })
  oidcIdentity: string | null;

  @Field()
  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @Field(() => Date)
  @Column({ type: TIMESTAMP })
  createdAt: Date;

  @Field(() => Int)
  @Column({ type: 'integer', default: 1 })
  version: number;
}
