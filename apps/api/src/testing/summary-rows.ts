import type { DataSource, EntityManager } from 'typeorm';
import { rebuildFigures } from '../figures/index.js';

const TABLES = {
  figure_project_state: ['cooperationId', 'month', 'kind', 'phase', 'health'],
  figure_live_adoption: ['cooperationId', 'month', 'memberSince'],
  figure_satisfaction: ['cooperationId', 'month', 'memberSince'],
} as const;

export type SummaryRows = Record<keyof typeof TABLES, Record<string, string | number>[]>;

/**
 * Every kept summary row (of some cooperations only, when given), keys as text and measures as numbers, in
 * key order.
 */
export async function summaryRows(
  db: DataSource | EntityManager,
  cooperationIds?: readonly string[],
): Promise<SummaryRows> {
  const rows = {} as SummaryRows;
  const where = cooperationIds ? `WHERE "cooperationId" IN (${cooperationIds.map(Number).join(', ')})` : '';
  for (const [table, keys] of Object.entries(TABLES) as [keyof typeof TABLES, readonly string[]][]) {
    const order = keys.map((key) => `"${key}"`).join(', ');
    const raw: Record<string, unknown>[] = await db.query(
      `SELECT * FROM ${table} ${where} ORDER BY ${order}`,
    );
    rows[table] = raw.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([column, value]) => [
          column,
          keys.includes(column) ? String(value) : Number(value),
        ]),
      ),
    );
  }
  return rows;
}

class RolledBack extends Error {}

/** The summary rows a rebuild from the raw rows would make now (of some cooperations); rolled back. */
export async function rebuiltSummaryRows(
  dataSource: DataSource,
  cooperationIds?: readonly string[],
): Promise<SummaryRows> {
  let rows: SummaryRows | undefined;
  await dataSource
    .transaction(async (manager) => {
      await rebuildFigures(manager);
      rows = await summaryRows(manager, cooperationIds);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  if (!rows) throw new Error('The rebuild returned no rows');
  return rows;
}

/** Sums of products differ in their last bits by the order they were added in. */
export function roughly(rows: SummaryRows): SummaryRows {
  return {
    ...rows,
    figure_satisfaction: rows.figure_satisfaction.map((row) => ({
      ...row,
      weightedRating: expect.closeTo(Number(row['weightedRating']), 6) as unknown as number,
      weightedNps: expect.closeTo(Number(row['weightedNps']), 6) as unknown as number,
    })),
  };
}
