import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { badField, decodeCursor, encodeCursor, pageSize, parseId, type Connection } from '../common/index.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditEntryScope, AuditRowChange } from './audit-row-change.entity.js';
import { batchSummaryOf } from './audit.service.js';

/** Which of a batch's rows a reader is shown: those of a city, a project, or all (nulls). */
export interface BatchRowScope {
  readonly cityId: number | null;
  readonly projectId: number | null;
}

/** The scope of the filter the entries were read with, for their batch rows. */
const scopes = new WeakMap<AuditEntry, BatchRowScope>();

export function batchRowScopeOf(entry: AuditEntry): BatchRowScope {
  return scopes.get(entry) ?? { cityId: null, projectId: null };
}
import type { AuditFilter, AuditLogArgs } from './dto/audit-log.args.js';

/** Reads the audit log, newest first; it is only ever appended to. */
@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findPage(args: AuditLogArgs): Promise<Connection<AuditEntry>> {
    const take = pageSize(args.first);
    const filter = args.filter ?? {};
    const totalCount = await this.filtered(filter).getCount();
    const { nodes, hasNextPage } = await this.slice(filter, args.after, take);
    const edges = nodes.map((node) => ({ node, cursor: encodeCursor(null, node.id) }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  /** Every entry of the filter, newest first, `chunk` at a time: all the pages of the log, for an export. */
  async *findAll(filter: AuditFilter, chunk = 500): AsyncGenerator<AuditEntry[]> {
    let after: string | undefined;
    for (;;) {
      const { nodes, hasNextPage } = await this.slice(filter, after, chunk);
      if (nodes.length > 0) yield nodes;
      if (!hasNextPage) return;
      after = encodeCursor(null, nodes[nodes.length - 1].id);
    }
  }

  /**
   * The rows of a batch entry, in the order written, `first` from `offset`; only those of the city and
   * project when given (the history of a city shows that city's rows of an import).
   */
  async batchRows(
    entryId: number,
    scope: BatchRowScope,
    first: number,
    offset: number,
  ): Promise<AuditRowChange[]> {
    const query = this.dataSource
      .getRepository(AuditRowChange)
      .createQueryBuilder('c')
      .where('c.entryId = :entryId', { entryId });
    if (scope.cityId !== null) query.andWhere('c.cityId = :cityId', { cityId: scope.cityId });
    if (scope.projectId !== null) query.andWhere('c.projectId = :projectId', { projectId: scope.projectId });
    return query.orderBy('c.position', 'ASC').offset(offset).limit(first).getMany();
  }

  /** How many rows a batch entry holds (of the city and project when given), from its scope rows. */
  async batchRowCount(entryId: number, scope: BatchRowScope): Promise<number> {
    const query = this.dataSource
      .getRepository(AuditEntryScope)
      .createQueryBuilder('s')
      .select('COALESCE(SUM(s.rows), 0)', 'rows')
      .where('s.entryId = :entryId', { entryId });
    if (scope.cityId !== null) query.andWhere('s.cityId = :cityId', { cityId: scope.cityId });
    if (scope.projectId !== null) query.andWhere('s.projectId = :projectId', { projectId: scope.projectId });
    const result = await query.getRawOne<{ rows: number | string }>();
    return Number(result?.rows ?? 0);
  }

  private async slice(
    filter: AuditFilter,
    after: string | null | undefined,
    take: number,
  ): Promise<{ nodes: AuditEntry[]; hasNextPage: boolean }> {
    const query = this.filtered(filter);
    if (after) {
      query.andWhere('e.id < :afterId', { afterId: decodeCursor(after).id });
    }
    const rows = await query
      .orderBy('e.id', 'DESC')
      .limit(take + 1)
      .getMany();
    const scope: BatchRowScope = {
      cityId: filter.cityId ? Number(filter.cityId) : null,
      projectId: filter.projectId ? Number(filter.projectId) : null,
    };
    for (const row of rows) scopes.set(row, scope);
    return { nodes: rows.slice(0, take), hasNextPage: rows.length > take };
  }

  private filtered(filter: AuditFilter): SelectQueryBuilder<AuditEntry> {
    const query = this.dataSource.getRepository(AuditEntry).createQueryBuilder('e');
    if (filter.entity) query.andWhere('e.entity = :entity', { entity: filter.entity });
    if (filter.entityId) {
      // A row written by a batch is found beneath the batch's entry (entityId empty); only the batches of
      // the filter's kind of row are searched when it names one.
      const rowId = /^\d{1,9}$/.test(filter.entityId) ? Number(filter.entityId) : null;
      query.andWhere(
        rowId === null
          ? 'e.entityId = :entityId'
          : `(e.entityId = :entityId OR (e.entityId = '' AND EXISTS (SELECT 1 FROM audit_row_change c WHERE c."entryId" = e.id AND c."entityId" = :rowId)))`,
        { entityId: filter.entityId, rowId },
      );
    }
    if (filter.operation) query.andWhere('e.operation = :operation', { operation: filter.operation });
    if (filter.accountId)
      query.andWhere('e.accountId = :accountId', {
        accountId: parseId('Account', filter.accountId, 'filter.accountId'),
      });
    // A batch (an import) is one entry with its rows beneath it: it concerns a city or a project when
    // any of its rows does, as its scope rows (one per city and project) tell by an index.
    const cityId = filter.cityId ? parseId('City', filter.cityId, 'filter.cityId') : null;
    const projectId = filter.projectId ? parseId('Project', filter.projectId, 'filter.projectId') : null;
    if (cityId !== null || projectId !== null) {
      const own = [
        ...(cityId !== null ? ['e.cityId = :cityId'] : []),
        ...(projectId !== null ? ['e.projectId = :projectId'] : []),
      ].join(' AND ');
      const scoped = [
        ...(cityId !== null ? ['s."cityId" = :cityId'] : []),
        ...(projectId !== null ? ['s."projectId" = :projectId'] : []),
      ].join(' AND ');
      query.andWhere(`((${own}) OR e.id IN (SELECT s."entryId" FROM audit_entry_scope s WHERE ${scoped}))`, {
        cityId,
        projectId,
      });
    }
    if (filter.from && filter.to && filter.to < filter.from)
      throw badField('filter.to', 'must not be before filter.from');
    if (filter.from) query.andWhere('e.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.at <= :to', { to: filter.to });
    return query;
  }
}

const UNINTERESTING = new Set(['updatedAt', 'version']);

function parse(json: string | null): Record<string, unknown> {
  return json ? (JSON.parse(json) as Record<string, unknown>) : {};
}

/** The fields whose values differ between an entry's before and after, each as JSON. */
export function changesOf(entry: AuditEntry): { field: string; before: string; after: string }[] {
  const batch = batchSummaryOf(entry.after);
  if (batch) {
    // A batch's entry shows what it says of the batch (file, hash, counts); its rows are `batchRows`.
    return Object.entries(batch)
      .filter(([field]) => field !== 'batch' && field !== 'fields')
      .map(([field, value]) => ({ field, before: 'null', after: JSON.stringify(value ?? null) }));
  }
  const before = parse(entry.before);
  const after = parse(entry.after);
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((field) => !UNINTERESTING.has(field))
    .map((field) => ({
      field,
      before: JSON.stringify(before[field] ?? null),
      after: JSON.stringify(after[field] ?? null),
    }))
    .filter((change) => change.before !== change.after);
}

/** The changes of a batch's row: each compared field whose value differs (every one set, for a new row). */
export function rowChangesOf(
  fields: readonly string[],
  row: Pick<AuditRowChange, 'before' | 'after'>,
): { field: string; before: string; after: string }[] {
  const before = row.before === null ? null : (JSON.parse(row.before) as unknown[]);
  const after = JSON.parse(row.after) as unknown[];
  return fields
    .map((field, index) => ({
      field,
      before: JSON.stringify(before?.[index] ?? null),
      after: JSON.stringify(after[index] ?? null),
    }))
    .filter((change) => change.before !== change.after);
}
