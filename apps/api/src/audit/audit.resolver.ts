import { Role } from '@koop/domain';
import { Args, Context, Field, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/access.decorator.js';
import { City } from '../cities/city.entity.js';
import { connectionType } from '../common/pagination.js';
import type { GraphQLContext } from '../loaders/loaders.js';
import { Project } from '../projects/project.entity.js';
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

  @ResolveField(() => [FieldChange], {
    description: 'The fields whose values differ between before and after.',
  })
  changes(@Parent() entry: AuditEntry): FieldChange[] {
    return changesOf(entry);
  }
}
