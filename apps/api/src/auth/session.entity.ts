import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { Account } from '../accounts/index.js';
import { TIMESTAMP } from '../database/index.js';

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
@Entity('session')
export class Session {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Index('IDX_session_account')
  @Column({ type: 'integer' })
  accountId: number;

  @ManyToOne('Account', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Relation<Account>;

  @Column({ type: TIMESTAMP })
  createdAt: Date;

  @Index('IDX_session_expires')
  @Column({ type: TIMESTAMP })
  expiresAt: Date;
}
