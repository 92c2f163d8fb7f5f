import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../database/index.js';

/** A failed sign-in, kept for the window in which failures are counted (shared by all API processes). */
@Entity('login_failure')
@Index('IDX_login_failure_username_at', ['username', 'at'])
export class LoginFailure {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  username: string;

  @Column({ type: TIMESTAMP })
  at: Date;

  @Column({ type: 'varchar', length: 60, nullable: true })
  address: string | null;
}
