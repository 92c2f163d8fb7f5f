import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions.js';
import { rebuildFigures } from './figures.js';

@Injectable()
export class FiguresService {
  constructor(private readonly transactions: Transactions) {}

  /** Recomputes every summary row from the raw rows, queued behind the writes like any other write. */
  rebuild(): Promise<void> {
    return this.transactions.run((manager) => rebuildFigures(manager));
  }
}
