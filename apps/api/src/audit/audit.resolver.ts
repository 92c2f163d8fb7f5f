import { Roles, SYSTEM_ACTOR } from '../auth/index.js';
import { Role } from '@koop/domain';
import {
  Args,
  Context,
  Field,
  ID,
  Int,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { City } from '../cities/index.js';
import { badField, connectionType } from '../common/index.js';
import type { GraphQLContext } from '../loaders/index.js';
import { Project } from '../projects/index.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditLogService, batchRowScopeOf, changesOf, rowChangesOf } from './audit-log.service.js';
import { batchSummaryOf } from './audit.service.js';
import { AuditLogArgs } from './dto/audit-log.args.js';

@ObjectType({ description: 'One field whose value a change altered.' })
export class FieldChange {
  @Field()
  field: string;

  @Field(() => String, { nullable: true, description: 'The value before, as JSON.' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'The value after, as JSON.' })
  after: string | null;
}

@ObjectType({
  description:
    'One row that a batch (an import) created or changed, beneath the batch’s audit entry: which row, its city and project, and the fields it changed.',
})
export class AuditBatchRow {
  @Field(() => Int, { description: 'The row’s place in the batch, from 0.' })
  position: number;

  @Field({ description: 'The kind of row, e.g. Satisfaction.' })
  entity: string;

  @Field(() => ID, { description: 'The id of the row.' })
  entityId: string;

  cityId: number | null;
  projectId: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'What tells the row apart beside its city and project: the month of satisfaction figures.',
  })
  key: string | null;

  @Field(() => [FieldChange], {
    description: 'The fields whose values the batch changed (every field it set, for a new row).',
  })
  changes: FieldChange[];
}

const AuditEntryConnection = connectionType(AuditEntry, 'AuditEntry');

@Resolver(() => AuditBatchRow)
export class AuditBatchRowResolver {
  @ResolveField(() => City, { nullable: true })
  city(@Parent() row: AuditBatchRow, @Context() context: GraphQLContext): Promise<City | null> | null {
    return row.cityId === null ? null : context.loaders.city.load(row.cityId);
  }

  @ResolveField(() => Project, { nullable: true })
  project(@Parent() row: AuditBatchRow, @Context() context: GraphQLContext): Promise<Project | null> | null {
    return row.projectId === null ? null : context.loaders.project.load(row.projectId);
  }
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly service: AuditLogService) {}

  @Query(() => AuditEntryConnection, {
    description: 'Who changed what and when, newest first (admins and CDOs).',
  })
  @Roles(Role.ADMIN, Role.CDO)
  auditLog(@Args() args: AuditLogArgs) {
    return this.service.findPage(args);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The row before the change, as JSON; null when created.',
  })
  before(@Parent() entry: AuditEntry): string | null {
    return entry.before;
  }

  @ResolveField(() => String, { nullable: true, description: 'The row after the change, as JSON.' })
  after(@Parent() entry: AuditEntry): string | null {
    return entry.after;
  }

  @ResolveField(() => City, {
    nullable: true,
    description: 'The city the changed row is or belongs to (an adoption’s, for example); null for none.',
  })
  city(@Parent() entry: AuditEntry, @Context() context: GraphQLContext): Promise<City | null> | null {
    return entry.cityId === null ? null : context.loaders.city.load(entry.cityId);
  }

  @ResolveField(() => Project, {
    nullable: true,
    description: 'The project the changed row is or belongs to (a milestone’s, for example); null for none.',
  })
  project(@Parent() entry: AuditEntry, @Context() context: GraphQLContext): Promise<Project | null> | null {
    return entry.projectId === null ? null : context.loaders.project.load(entry.projectId);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The name of the account that made the change, as people know it (its display name now); for a change without an account (the demo’s generated history) the name it was written under; null for the system.',
  })
  async authorName(@Parent() entry: AuditEntry, @Context() context: GraphQLContext): Promise<string | null> {
    if (entry.accountId === null) return entry.username === SYSTEM_ACTOR.username ? null : entry.username;
    return (await context.loaders.account.load(entry.accountId))?.displayName ?? entry.username;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'How people name the changed row: an account’s display name, a project’s, milestone’s or solution’s title, the name of a city, cooperation or working group, the file of an import; null for rows named by their city and project (adoption, figures, membership) or no longer there.',
  })
  async subject(@Parent() entry: AuditEntry, @Context() context: GraphQLContext): Promise<string | null> {
    const batch = batchSummaryOf(entry.after);
    if (batch) return typeof batch['fileName'] === 'string' ? batch['fileName'] : null;
    const id = Number(entry.entityId);
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    const { loaders } = context;
    switch (entry.entity) {
      case 'Account':
        return (await loaders.account.load(id))?.displayName ?? null;
      case 'Project':
        return (await loaders.project.load(id))?.title ?? null;
      case 'Milestone':
        return (await loaders.milestone.load(id))?.title ?? null;
      case 'City':
        return (await loaders.city.load(id))?.name ?? null;
      case 'Cooperation':
        return (await loaders.cooperation.load(id))?.name ?? null;
      case 'WorkingGroup':
        return (await loaders.workingGroup.load(id))?.name ?? null;
      case 'Solution':
        return (await loaders.solution.load(id))?.title ?? null;
      default:
        return null;
    }
  }

  @ResolveField(() => [FieldChange], {
    description:
      'The fields whose values differ between before and after; for a batch (an import) what its entry says of it as a whole: the file’s name and SHA-256 hash, its rows, how many were created, changed and left unchanged.',
  })
  changes(@Parent() entry: AuditEntry): FieldChange[] {
    return changesOf(entry);
  }

  @ResolveField(() => Int, {
    description:
      'How many rows a batch (an import) created or changed, beneath this one entry; those of the city or project when the audit log is filtered by them. 0 for the entry of a single change.',
  })
  batchRowCount(@Parent() entry: AuditEntry): Promise<number> | number {
    return batchSummaryOf(entry.after) ? this.service.batchRowCount(entry.id, batchRowScopeOf(entry)) : 0;
  }

  @ResolveField(() => [AuditBatchRow], {
    description:
      'The rows of a batch (an import), in the order written, `first` (at most 100) from `offset`; those of the city or project when the audit log is filtered by them. Empty for the entry of a single change.',
  })
  async batchRows(
    @Parent() entry: AuditEntry,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<AuditBatchRow[]> {
    const batch = batchSummaryOf(entry.after);
    if (!batch) return [];
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw badField('first', 'must be from 1 to 100');
    if (!Number.isInteger(offset) || offset < 0) throw badField('offset', 'must be 0 or more');
    const rows = await this.service.batchRows(entry.id, batchRowScopeOf(entry), first, offset);
    return rows.map((row) => ({
      position: row.position,
      entity: entry.entity,
      entityId: String(row.entityId),
      cityId: row.cityId,
      projectId: row.projectId,
      key: row.key,
      changes: rowChangesOf(batch.fields, row),
    }));
  }
}
