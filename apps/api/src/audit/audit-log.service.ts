import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { badField, decodeCursor, encodeCursor, pageSize, parseId, type Connection } from '../common/index.js';
import { AuditEntry } from './audit-entry.entity.js';
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
    return { nodes: rows.slice(0, take), hasNextPage: rows.length > take };
  }

  private filtered(filter: AuditFilter): SelectQueryBuilder<AuditEntry> {
    const query = this.dataSource.getRepository(AuditEntry).createQueryBuilder('e');
    if (filter.entity) query.andWhere('e.entity = :entity', { entity: filter.entity });
    if (filter.entityId) query.andWhere('e.entityId = :entityId', { entityId: filter.entityId });
    if (filter.operation) query.andWhere('e.operation = :operation', { operation: filter.operation });
    if (filter.accountId)
      query.andWhere('e.accountId = :accountId', {
        accountId: parseId('Account', filter.accountId, 'filter.accountId'),
      });
    if (filter.cityId)
      query.andWhere('e.cityId = :cityId', { cityId: parseId('City', filter.cityId, 'filter.cityId') });
    if (filter.projectId)
      query.andWhere('e.projectId = :projectId', {
        projectId: parseId('Project', filter.projectId, 'filter.projectId'),
      });
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
