import { Injectable } from '@nestjs/common';
import { Writes } from '../database/index.js';
import { rebuildFigures } from './figures.js';

@Injectable()
export class FiguresService {
  constructor(private readonly writes: Writes) {}

  /**
   * Recomputes every summary row from the raw rows, queued behind the writes like any other write. Nobody
   * edits these rows, so there is nothing to authorize, version or audit.
   */
  rebuild(): Promise<void> {
    return this.writes.untracked((manager) => rebuildFigures(manager));
  }
}
