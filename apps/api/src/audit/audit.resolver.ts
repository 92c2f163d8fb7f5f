import { Roles, SYSTEM_ACTOR } from '../auth/index.js';
import { Role } from '@koop/domain';
import { Args, Context, Field, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { City } from '../cities/index.js';
import { connectionType } from '../common/index.js';
import type { GraphQLContext } from '../loaders/index.js';
import { Project } from '../projects/index.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditLogService, changesOf } from './audit-log.service.js';
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

const AuditEntryConnection = connectionType(AuditEntry, 'AuditEntry');

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
      'How people name the changed row: an account’s display name, a project’s or milestone’s title, the name of a city, cooperation or working group; null for rows named by their city and project (adoption, figures, membership) or no longer there.',
  })
  async subject(@Parent() entry: AuditEntry, @Context() context: GraphQLContext): Promise<string | null> {
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
      default:
        return null;
    }
  }

  @ResolveField(() => [FieldChange], {
    description: 'The fields whose values differ between before and after.',
  })
  changes(@Parent() entry: AuditEntry): FieldChange[] {
    return changesOf(entry);
  }
}
