import type { DataSource, EntityManager } from 'typeorm';
import { dialectOf, namedQuery, type Dialect } from '../database/index.js';
import { AppSetting } from '../reference/index.js';
import {
  addChangesSql,
  ALWAYS_MEMBER,
  COOPERATION_OF_PROJECT,
  deleteEmptySql,
  LIVE_ADOPTION,
  liveAdoptionChanges,
  LOCK_ALL_FIGURES,
  LOCK_COOPERATION_FIGURES,
  PROJECT_STATE,
  projectStateChanges,
  SATISFACTION,
  satisfactionChanges,
  type Changes,
  type SatisfactionValues,
  type Scope,
  type SummaryTable,
} from './figures.queries.js';

/*
 * The write side of the summary rows. Each function is called once per write, inside the write's
 * transaction, right after the raw row is written, and adds the difference that row makes. The difference
 * is computed from the raw rows themselves (a history with and without the new row), so it is exact wherever
 * the new row falls in its history. Raw edits outside the product (SQL, a restore, a bulk load) are not seen:
 * `rebuildFigures` recomputes everything after them.
 *
 * On PostgreSQL several processes may write at once. Each function first takes a transaction-scoped lock of
 * the cooperation it changes (and a shared one that the rebuild takes exclusively): under READ COMMITTED its
 * statements then see every write to the same cooperation that committed before, so two writes that depend
 * on each other (a membership and an adoption of that city) never both miss the other. SQLite runs one
 * write transaction at a time anyway.
 */

// Advisory lock keys: a class of our own, then 0 for the whole of the figures or a cooperation's id.
const LOCK_CLASS = 1_181_116_006;

async function run(manager: EntityManager, changes: Changes): Promise<void> {
  await namedQuery(manager, changes.sql, changes.parameters);
}

/** Locks the figures of a cooperation for the rest of the transaction (PostgreSQL; SQLite needs nothing). */
async function lockCooperation(manager: EntityManager, cooperationId: number): Promise<void> {
  if (dialectOf(manager).name === 'postgres') {
    await namedQuery(manager, LOCK_COOPERATION_FIGURES, { lockClass: LOCK_CLASS, cooperationId });
  }
}

/** The cooperation of a project, with its figures locked; null for a project that does not exist. */
async function lockCooperationOfProject(manager: EntityManager, projectId: number): Promise<number | null> {
  const [row] = await namedQuery<{ cooperationId: number }>(manager, COOPERATION_OF_PROJECT, { projectId });
  if (!row) {
    return null;
  }
  const cooperationId = Number(row.cooperationId);
  await lockCooperation(manager, cooperationId);
  return cooperationId;
}

/** Adds changes to a table and drops the cooperation's rows they brought back to zero. */
async function addChanges(
  manager: EntityManager,
  table: SummaryTable,
  cooperationId: number,
  changes: readonly (Changes | null)[],
): Promise<void> {
  const present = changes.filter((c): c is Changes => c !== null);
  if (present.length === 0) {
    return;
  }
  await run(manager, addChangesSql(table, present));
  await namedQuery(manager, deleteEmptySql(table), { cooperationId });
}

/** After a new adoption_change row: the live adoptions with it, less those without it. */
export async function applyAdoptionChange(
  manager: EntityManager,
  change: { readonly id: number; readonly adoptionId: number; readonly projectId: number },
): Promise<void> {
  const cooperationId = await lockCooperationOfProject(manager, change.projectId);
  if (cooperationId === null) return;
  const d = dialectOf(manager);
  await addChanges(manager, LIVE_ADOPTION, cooperationId, [
    liveAdoptionChanges(d, 'with_', { adoptionId: change.adoptionId }, 1),
    liveAdoptionChanges(d, 'without_', { adoptionId: change.adoptionId, withoutId: change.id }, -1),
  ]);
}

/** After a new status_update row (also a new project's first): the project states with it, less without. */
export async function applyStatusUpdate(
  manager: EntityManager,
  update: { readonly id: number; readonly projectId: number },
): Promise<void> {
  const cooperationId = await lockCooperationOfProject(manager, update.projectId);
  if (cooperationId === null) return;
  const d = dialectOf(manager);
  await addChanges(manager, PROJECT_STATE, cooperationId, [
    projectStateChanges(d, 'with_', { projectId: update.projectId }, 1),
    projectStateChanges(d, 'without_', { projectId: update.projectId, withoutId: update.id }, -1),
  ]);
  // A project that goes live (or stops being live) brings its LIVE adoptions into (or out of) the count.
  await addChanges(manager, LIVE_ADOPTION, cooperationId, [
    liveAdoptionChanges(d, 'with_', { projectId: update.projectId }, 1),
    liveAdoptionChanges(d, 'without_', { projectId: update.projectId, withoutStatusUpdateId: update.id }, -1),
  ]);
}

/** After a satisfaction row was created (`before` null) or changed: its figures now, less those before. */
export async function applySatisfaction(
  manager: EntityManager,
  before: SatisfactionValues | null,
  after: { readonly id: number; readonly projectId: number },
): Promise<void> {
  const cooperationId = await lockCooperationOfProject(manager, after.projectId);
  if (cooperationId === null) return;
  const d = dialectOf(manager);
  await addChanges(manager, SATISFACTION, cooperationId, [
    satisfactionChanges(d, 'after_', { satisfactionId: after.id }, 1),
    before === null ? null : satisfactionChanges(d, 'before_', before, -1),
  ]);
}

/** The rows a batch of writes (an import) may change: of these projects of one cooperation, in these months. */
export interface BatchScope {
  readonly cooperationId: number;
  readonly projectIds: readonly number[];
  /** Satisfaction only: the months of the batch's rows. */
  readonly months?: readonly string[];
}

/*
 * A batch keeps the figures current in four statements, whatever its size: before its rows are written,
 * `withdraw…` takes out what the raw rows of its scope count now; after, `restore…` adds what they count
 * then. Rows of the scope the batch did not touch cancel out, so what remains is the batch's difference, as
 * the one-row functions above add it.
 */

/** Before a batch of satisfaction rows is written: the figures of its scope out. */
export async function withdrawSatisfaction(manager: EntityManager, scope: BatchScope): Promise<void> {
  await lockCooperation(manager, scope.cooperationId);
  const rows: Scope = { projectIds: scope.projectIds, months: scope.months };
  await run(manager, addChangesSql(SATISFACTION, [satisfactionChanges(dialectOf(manager), '', rows, -1)]));
}

/** After a batch of satisfaction rows was written: the figures of its scope back in, as they are now. */
export async function restoreSatisfaction(manager: EntityManager, scope: BatchScope): Promise<void> {
  const rows: Scope = { projectIds: scope.projectIds, months: scope.months };
  await addChanges(manager, SATISFACTION, scope.cooperationId, [
    satisfactionChanges(dialectOf(manager), '', rows, 1),
  ]);
}

/** Before a batch of adoption history rows is written: the live adoptions of its projects out. */
export async function withdrawLiveAdoptions(manager: EntityManager, scope: BatchScope): Promise<void> {
  await lockCooperation(manager, scope.cooperationId);
  const changes = liveAdoptionChanges(dialectOf(manager), '', { projectIds: scope.projectIds }, -1);
  if (changes) await run(manager, addChangesSql(LIVE_ADOPTION, [changes]));
}

/** After a batch of adoption history rows was written: the live adoptions of its projects back in. */
export async function restoreLiveAdoptions(manager: EntityManager, scope: BatchScope): Promise<void> {
  await addChanges(manager, LIVE_ADOPTION, scope.cooperationId, [
    liveAdoptionChanges(dialectOf(manager), '', { projectIds: scope.projectIds }, 1),
  ]);
}

/**
 * After a project's kind changed: its history counts under the new kind, and its adoptions count only while
 * it is an online service.
 */
export async function applyProjectKind(
  manager: EntityManager,
  before: { readonly id: number; readonly kind: string },
  after: { readonly kind: string },
): Promise<void> {
  if (before.kind === after.kind) return;
  const cooperationId = await lockCooperationOfProject(manager, before.id);
  if (cooperationId === null) return;
  const d = dialectOf(manager);
  const now: Scope = { projectId: before.id };
  const then: Scope = { projectId: before.id, projectKind: before.kind };
  await addChanges(manager, PROJECT_STATE, cooperationId, [
    projectStateChanges(d, 'now_', now, 1),
    projectStateChanges(d, 'then_', then, -1),
  ]);
  await addChanges(manager, LIVE_ADOPTION, cooperationId, [
    liveAdoptionChanges(d, 'now_', now, 1),
    liveAdoptionChanges(d, 'then_', then, -1),
  ]);
}

/** A membership as the figures see it: which city, of which cooperation, since when, until when. */
export interface MembershipValues {
  readonly cooperationId: number;
  readonly cityId: number;
  readonly joinedOn: string | null;
  /** First day the city is no longer a member; null while it is one. */
  readonly endedOn?: string | null;
}

/**
 * After a membership began (`before` null), changed its start or end date, or was removed (`after` null): the
 * city's adoptions and satisfaction count for the cooperation from the new start on and until the new end,
 * and no longer as before. A membership contributes its rows under its start and takes them back under its
 * end (see `membershipOf`).
 */
export async function applyMembership(
  manager: EntityManager,
  before: MembershipValues | null,
  after: MembershipValues | null,
): Promise<void> {
  const some = after ?? before;
  if (
    !some ||
    (before &&
      after &&
      before.joinedOn === after.joinedOn &&
      (before.endedOn ?? null) === (after.endedOn ?? null))
  )
    return;
  await lockCooperation(manager, some.cooperationId);
  const d = dialectOf(manager);
  const scope = (membership: MembershipValues, memberSince: string): Scope => ({
    membership: { cooperationId: membership.cooperationId, cityId: membership.cityId, memberSince },
  });
  // One membership's contribution: its rows from its start on, taken back from its end on.
  const sides = (
    make: (d: Dialect, prefix: string, scope: Scope, sign: 1 | -1) => Changes | null,
    prefix: string,
    membership: MembershipValues | null,
    sign: 1 | -1,
  ) =>
    membership
      ? [
          make(d, `${prefix}start_`, scope(membership, membership.joinedOn ?? ALWAYS_MEMBER), sign),
          membership.endedOn
            ? make(d, `${prefix}end_`, scope(membership, membership.endedOn), sign === 1 ? -1 : 1)
            : null,
        ]
      : [];
  const changes = (make: (d: Dialect, prefix: string, scope: Scope, sign: 1 | -1) => Changes | null) => [
    ...sides(make, 'after_', after, 1),
    ...sides(make, 'before_', before, -1),
  ];
  await addChanges(manager, LIVE_ADOPTION, some.cooperationId, changes(liveAdoptionChanges));
  await addChanges(manager, SATISFACTION, some.cooperationId, changes(satisfactionChanges));
}

const TABLES = [PROJECT_STATE, LIVE_ADOPTION, SATISFACTION] as const;

/**
 * The definition the stored summary rows follow. Raise it whenever a figure's definition changes: the next
 * start rebuilds them. A database migrated to the summary tables has none yet, and gets them the same way.
 */
export const FIGURES_VERSION = '3';
const FIGURES_SETTING = 'figures_version';

/**
 * Recomputes every summary row from the raw rows, in set-based SQL, in one transaction (the caller's, when
 * given a manager). For after a restore, a bulk load or raw edits of history.
 */
export async function rebuildFigures(db: DataSource | EntityManager): Promise<void> {
  if ('driver' in db) {
    // Maintenance outside a running app (the CLI, a bulk load): no request writes beside it.
    // eslint-disable-next-line no-restricted-syntax
    await db.transaction((manager) => rebuildFigures(manager));
    return;
  }
  const manager = db;
  const d = dialectOf(manager);
  if (d.name === 'postgres') {
    await namedQuery(manager, LOCK_ALL_FIGURES, { lockClass: LOCK_CLASS });
  }
  // Deleting first also takes SQLite's write lock, so no other process writes between reading and writing.
  for (const table of TABLES) {
    await manager.query(`DELETE FROM ${table.name}`);
  }
  await run(manager, addChangesSql(PROJECT_STATE, [projectStateChanges(d, '', {}, 1)]));
  await run(manager, addChangesSql(LIVE_ADOPTION, [liveAdoptionChanges(d, '', {}, 1) as Changes]));
  await run(manager, addChangesSql(SATISFACTION, [satisfactionChanges(d, '', {}, 1)]));
  await manager.upsert(AppSetting, { key: FIGURES_SETTING, value: FIGURES_VERSION }, ['key']);
}

/** Rebuilds the summary rows unless they follow the current definition; true when it rebuilt them. */
export async function ensureFiguresCurrent(dataSource: DataSource): Promise<boolean> {
  // At the start, before the app takes requests: nothing else writes yet.
  // eslint-disable-next-line no-restricted-syntax
  return dataSource.transaction(async (manager) => {
    const setting = await manager.findOneBy(AppSetting, { key: FIGURES_SETTING });
    if (setting?.value === FIGURES_VERSION) {
      return false;
    }
    await rebuildFigures(manager);
    return true;
  });
}
