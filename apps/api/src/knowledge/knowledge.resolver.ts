import { Role } from '@koop/domain';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { CurrentActor, Roles, SYSTEM_ACTOR, SignedIn, type Actor } from '../auth/index.js';
import type { AuditEntry } from '../audit/index.js';
import { connectionType } from '../common/index.js';
import type { GraphQLContext } from '../loaders/index.js';
import { Project } from '../projects/index.js';
import { Solution } from '../solutions/index.js';
import { WorkingGroup } from '../working-groups/index.js';
import { KnowledgeEntriesArgs } from './dto/knowledge-entries.args.js';
import { CreateKnowledgeEntryInput, UpdateKnowledgeEntryInput } from './dto/knowledge-entry.inputs.js';
import { KnowledgeEntryChange } from './knowledge-entry-change.model.js';
import { KnowledgeEntry } from './knowledge-entry.entity.js';
import { KnowledgeService } from './knowledge.service.js';
import { renderMarkdown } from './markdown.js';

const KnowledgeEntryConnection = connectionType(KnowledgeEntry, 'KnowledgeEntry');

/** Fields whose change is no news in a history: every change sets them. */
const BOOKKEEPING = new Set(['id', 'version', 'updatedAt', 'createdAt']);

function changeOf(entry: AuditEntry): KnowledgeEntryChange {
  const before = entry.before ? (JSON.parse(entry.before) as Record<string, unknown>) : {};
  const after = entry.after ? (JSON.parse(entry.after) as Record<string, unknown>) : {};
  const changedFields = Object.keys(after).filter(
    (field) => !BOOKKEEPING.has(field) && JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  return {
    at: entry.at,
    operation: entry.operation,
    version: typeof after['version'] === 'number' ? after['version'] : null,
    changedFields,
    accountId: entry.accountId,
    username: entry.username,
  };
}

// The history of each entry a request lists, in one statement: a loader per request, kept beside the
// request's other loaders without widening the shared set.
const historyLoaders = new WeakMap<GraphQLContext, DataLoader<number, KnowledgeEntryChange[]>>();

@Resolver(() => KnowledgeEntry)
export class KnowledgeResolver {
  constructor(private readonly service: KnowledgeService) {}

  @Query(() => KnowledgeEntryConnection, {
    description: 'Knowledge entries matching the filter, most recently changed first, a page at a time.',
  })
  @SignedIn()
  knowledgeEntries(@Args() args: KnowledgeEntriesArgs) {
    return this.service.findPage(args);
  }

  @Query(() => KnowledgeEntry)
  @SignedIn()
  knowledgeEntry(@Args('id', { type: () => ID }) id: string): Promise<KnowledgeEntry> {
    return this.service.findOne(id);
  }

  @Mutation(() => KnowledgeEntry, {
    description: 'Writes a knowledge entry of a working group (its leads, admins).',
  })
  @Roles(Role.ADMIN, Role.WORKING_GROUP_LEAD)
  createKnowledgeEntry(
    @Args('input') input: CreateKnowledgeEntryInput,
    @CurrentActor() actor: Actor,
  ): Promise<KnowledgeEntry> {
    return this.service.create(actor, input);
  }

  @Mutation(() => KnowledgeEntry, {
    description: 'Changes a knowledge entry; a stale version gives CONFLICT.',
  })
  @Roles(Role.ADMIN, Role.WORKING_GROUP_LEAD)
  updateKnowledgeEntry(
    @Args('input') input: UpdateKnowledgeEntryInput,
    @CurrentActor() actor: Actor,
  ): Promise<KnowledgeEntry> {
    return this.service.update(actor, input);
  }

  @ResolveField(() => String, {
    description:
      'The Markdown as sanitised HTML: no script, no event handler, no style, only http(s) and mailto links.',
  })
  bodyHtml(@Parent() entry: KnowledgeEntry): string {
    return renderMarkdown(entry.body);
  }

  @ResolveField(() => WorkingGroup, { nullable: true })
  workingGroup(@Parent() entry: KnowledgeEntry, @Context() context: GraphQLContext) {
    return entry.workingGroupId === null ? null : context.loaders.workingGroup.load(entry.workingGroupId);
  }

  @ResolveField(() => Project, { nullable: true })
  project(@Parent() entry: KnowledgeEntry, @Context() context: GraphQLContext) {
    return entry.projectId === null ? null : context.loaders.project.load(entry.projectId);
  }

  @ResolveField(() => Solution, { nullable: true })
  solution(@Parent() entry: KnowledgeEntry, @Context() context: GraphQLContext) {
    return entry.solutionId === null ? null : context.loaders.solution.load(entry.solutionId);
  }

  @ResolveField(() => [KnowledgeEntryChange], {
    description: 'Its changes from the audit log, newest first.',
  })
  history(
    @Parent() entry: KnowledgeEntry,
    @Context() context: GraphQLContext,
  ): Promise<KnowledgeEntryChange[]> {
    let loader = historyLoaders.get(context);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const entries = await this.service.history(ids);
        return ids.map((id) => entries.filter((e) => e.entityId === String(id)).map(changeOf));
      });
      historyLoaders.set(context, loader);
    }
    return loader.load(entry.id);
  }
}

@Resolver(() => KnowledgeEntryChange)
export class KnowledgeEntryChangeResolver {
  @ResolveField(() => String, {
    nullable: true,
    description:
      'Who made the change: the account’s display name now; for a change without an account (the demo’s history) the name it was written under; null for the system.',
  })
  async authorName(
    @Parent() change: KnowledgeEntryChange,
    @Context() context: GraphQLContext,
  ): Promise<string | null> {
    if (change.accountId === null) return change.username === SYSTEM_ACTOR.username ? null : change.username;
    return (await context.loaders.account.load(change.accountId))?.displayName ?? change.username;
  }
}
