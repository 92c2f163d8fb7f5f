import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badField } from '../common/errors.js';
import { parseId } from '../common/ids.js';
import { decodeCursor, encodeCursor, pageSize, type Connection } from '../common/pagination.js';
import { AuditEntry } from './audit-entry.entity.js';
import type { AuditLogArgs } from './dto/audit-log.args.js';

/** Reads the audit log, newest first; it is only ever appended to. */
@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findPage(args: AuditLogArgs): Promise<Connection<AuditEntry>> {
    const take = pageSize(args.first);
    const filter = args.filter ?? {};
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
    const totalCount = await query.clone().getCount();
    if (args.after) {
      query.andWhere('e.id < :afterId', { afterId: decodeCursor(args.after).id });
    }
    const rows = await query
      .orderBy('e.id', 'DESC')
      .limit(take + 1)
      .getMany();
    const nodes = rows.slice(0, take);
    const edges = nodes.map((node) => ({ node, cursor: encodeCursor(null, node.id) }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage: rows.length > take, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }
}
