import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Opens the write path's transactions. On SQLite they run one at a time: TypeORM's better-sqlite3 driver
 * shares one connection, so of two transactions started at once both fail, and one started while another
 * is open nests as a savepoint, where the rollback of one undoes the other's writes and keeps its own
 * (transactions.integration-spec.ts shows both). On
 * PostgreSQL each transaction has a connection of the pool and the database keeps them apart, so they run
 * side by side; the versions checked inside the UPDATE and the unique keys settle any race.
 */
@Injectable()
export class Transactions {
  private readonly queue: Mutex | null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.queue = dataSource.options.type === 'better-sqlite3' ? new Mutex() : null;
  }

  /** Whether transactions wait for each other in this process (SQLite). */
  get queued(): boolean {
    return this.queue !== null;
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const transaction = () => this.dataSource.transaction(work);
    return this.queue ? this.queue.runExclusive(transaction) : transaction();
  }
}
