import {
  AdoptionStage,
  isSatisfactionChange,
  MeetingKind,
  SATISFACTION_MIN_RATINGS,
  type ProjectHealth,
  type ProjectPhase,
  satisfactionComparisonMonths,
  todayIso,
} from '@koop/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThan } from 'typeorm';
import { Adoption } from '../adoptions/index.js';
import { badField, notFound, parseId } from '../common/index.js';
import { Cooperation } from '../cooperations/index.js';
import { Reads, VersionedCache, dataVersion, dialectOf } from '../database/index.js';
import { ActionItem, Meeting } from '../meetings/index.js';
import { Milestone } from '../projects/index.js';
import type { Digest, ProjectChange, SatisfactionChange } from './digest.model.js';
import {
  actionItemsDone,
  actionItemsOverdue,
  adoptionLiveChanges,
  MILESTONES_MISSED,
  MILESTONES_REACHED,
  projectStates,
  SATISFACTION_SIDES,
} from './digest.queries.js';

type Num = number | string | null;
const n = (value: Num | undefined): number => Number(value ?? 0);

/** The day after `date` (`YYYY-MM-DD`). */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The same day a year earlier (28 February for 29 February). */
function yearBefore(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const earlier = new Date(Date.UTC(year - 1, month - 1, day));
  return (earlier.getUTCMonth() === month - 1 ? earlier : new Date(Date.UTC(year - 1, month - 1, day - 1)))
    .toISOString()
    .slice(0, 10);
}

/** The adoptions of one digest list, in its order: their ids and, for names, their services and cities. */
export interface DigestAdoptions {
  readonly ids: Float64Array;
  readonly projectIds: Float64Array;
  readonly cityIds: Float64Array;
}

/**
 * What changed in a cooperation within a period, as ids and small rows: what every list of the digest is
 * made from, kept until a row of the database changes. The rows themselves are loaded for the part of a
 * list that is asked for.
 */
export interface DigestParts {
  readonly projectChanges: readonly ProjectChange[];
  readonly newLiveAdoptions: DigestAdoptions;
  readonly lostLiveAdoptions: DigestAdoptions;
  readonly satisfactionChanges: readonly SatisfactionChange[];
  readonly milestonesReached: readonly number[];
  readonly milestonesMissed: readonly number[];
  readonly actionItemsDone: readonly number[];
  readonly actionItemsOverdue: readonly number[];
}

/** How many entries each list of the digest holds in all. */
export function digestCounts(parts: DigestParts): Record<keyof DigestParts, number> {
  return {
    projectChanges: parts.projectChanges.length,
    newLiveAdoptions: parts.newLiveAdoptions.ids.length,
    lostLiveAdoptions: parts.lostLiveAdoptions.ids.length,
    satisfactionChanges: parts.satisfactionChanges.length,
    milestonesReached: parts.milestonesReached.length,
    milestonesMissed: parts.milestonesMissed.length,
    actionItemsDone: parts.actionItemsDone.length,
    actionItemsOverdue: parts.actionItemsOverdue.length,
  };
}

/** Digests of a few periods at a time (the cockpit's, the report's), each until the data changes. */
const KEPT_DIGESTS = 16;

@Injectable()
export class DigestService {
  private readonly kept = new VersionedCache<DigestParts>(KEPT_DIGESTS);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reads: Reads,
  ) {}

  /** The numeric id of an existing cooperation. */
  async cooperationId(id: string, field = 'cooperationId'): Promise<number> {
    const cooperationId = parseId('Cooperation', id, field);
    if (!(await this.dataSource.getRepository(Cooperation).existsBy({ id: cooperationId }))) {
      throw notFound('Cooperation', id, field);
    }
    return cooperationId;
  }

  /**
   * The period of a digest: `to` defaults to today; `from` to the day of the cooperation's last annual
   * meeting before `to`, or, when it has held none, the same day a year before `to`.
   */
  async period(
    cooperationId: number,
    from?: string | null,
    to?: string | null,
  ): Promise<{ from: string; to: string }> {
    const end = to ?? todayIso();
    const start = from ?? (await this.lastAnnualMeetingBefore(cooperationId, end)) ?? yearBefore(end);
    if (start > end) {
      throw badField('from', 'must not be after to');
    }
    return { from: start, to: end };
  }

  /** The day (UTC) of the cooperation's last annual meeting that began before the day `date`. */
  private async lastAnnualMeetingBefore(cooperationId: number, date: string): Promise<string | null> {
    const meeting = await this.dataSource.getRepository(Meeting).findOne({
      where: {
        cooperationId,
        kind: MeetingKind.ANNUAL_MEETING,
        startsAt: LessThan(new Date(`${date}T00:00:00.000Z`)),
      },
      order: { startsAt: 'DESC', id: 'DESC' },
    });
    return meeting ? new Date(meeting.startsAt).toISOString().slice(0, 10) : null;
  }

  /**
   * What changed in the cooperation from `from` to `to` (both days included), from the histories: read off
   * the event loop (a year of a statewide cooperation's histories is millions of rows) and kept until a row
   * changes. `request` shares the request's reading of the data version.
   */
  async digest(cooperationId: number, from: string, to: string, request?: object): Promise<Digest> {
    const version = await dataVersion(this.dataSource, request);
    const parts = await this.kept.through(version, `${cooperationId}:${from}:${to}`, () =>
      this.parts(cooperationId, from, to),
    );
    return { cooperationId, from, to, parts };
  }

  private async parts(cooperationId: number, from: string, to: string): Promise<DigestParts> {
    const dialect = dialectOf(this.dataSource);
    const toEnd = dayAfter(to);
    const instant = (date: string) =>
      dialect.name === 'postgres' ? `${date}T00:00:00.000Z` : `${date} 00:00:00.000`;
    const window = { cooperationId, from, to, fromStart: instant(from), toEnd: instant(toEnd) };
    const ids = async (sql: string) =>
      (await this.reads.query<{ id: Num }>(sql, window)).map((row) => Number(row.id));

    const [projectChanges, adoptions, satisfactionChanges, reached, missed, done, overdue] =
      await Promise.all([
        this.projectChanges(dialect, window),
        this.adoptionChanges(dialect, window),
        this.satisfactionChanges(cooperationId, from, to),
        ids(MILESTONES_REACHED),
        ids(MILESTONES_MISSED),
        ids(actionItemsDone(dialect)),
        ids(actionItemsOverdue(dialect)),
      ]);
    return {
      projectChanges,
      ...adoptions,
      satisfactionChanges,
      milestonesReached: reached,
      milestonesMissed: missed,
      actionItemsDone: done,
      actionItemsOverdue: overdue,
    };
  }

  /** Adoptions by id, in the order of `ids`. */
  adoptions(ids: readonly number[]): Promise<Adoption[]> {
    return this.inOrder(Adoption, ids);
  }

  /** Milestones by id, in the order of `ids`. */
  milestones(ids: readonly number[]): Promise<Milestone[]> {
    return this.inOrder(Milestone, ids);
  }

  /** Action items by id, in the order of `ids`. */
  actionItems(ids: readonly number[]): Promise<ActionItem[]> {
    return this.inOrder(ActionItem, ids);
  }

  private async inOrder<T extends { id: number }>(entity: new () => T, ids: readonly number[]): Promise<T[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows = await this.dataSource.getRepository<{ id: number }>(entity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, row as T]));
    return ids.map((id) => byId.get(id)).filter((row): row is T => row !== undefined);
  }

  private async projectChanges(
    dialect: ReturnType<typeof dialectOf>,
    window: Record<string, unknown>,
  ): Promise<ProjectChange[]> {
    const rows = await this.reads.query<{
      projectId: number;
      fromPhase: ProjectPhase | null;
      fromHealth: ProjectHealth | null;
      toPhase: ProjectPhase;
      toHealth: ProjectHealth;
    }>(projectStates(dialect), window);
    return rows
      .filter((row) => row.fromPhase !== row.toPhase || row.fromHealth !== row.toHealth)
      .map((row) => ({ ...row, projectId: Number(row.projectId) }));
  }

  /** The adoptions that went live and those that stopped being live, each list in the query's order. */
  private async adoptionChanges(
    dialect: ReturnType<typeof dialectOf>,
    window: Record<string, unknown>,
  ): Promise<Pick<DigestParts, 'newLiveAdoptions' | 'lostLiveAdoptions'>> {
    // One Float64Array per column, handed over by the worker without a copy: a statewide year holds hundreds
    // of thousands of them. Split by plain loops into arrays of the right size.
    const none = new Float64Array(0);
    const [ids = none, projectIds = none, cityIds = none, changes = none] = await this.reads.numberColumns(
      adoptionLiveChanges(dialect),
      { ...window, live: AdoptionStage.LIVE },
    );
    let wentLive = 0;
    for (let i = 0; i < changes.length; i++) if (changes[i] === 1) wentLive += 1;
    const lists = [wentLive, changes.length - wentLive].map((size) => ({
      ids: new Float64Array(size),
      projectIds: new Float64Array(size),
      cityIds: new Float64Array(size),
    }));
    const filled = [0, 0];
    for (let i = 0; i < changes.length; i++) {
      const which = changes[i] === 1 ? 0 : 1;
      const list = lists[which];
      const at = filled[which]++;
      list.ids[at] = ids[i];
      list.projectIds[at] = projectIds[i];
      list.cityIds[at] = cityIds[i];
    }
    return { newLiveAdoptions: lists[0], lostLiveAdoptions: lists[1] };
  }

  private async satisfactionChanges(
    cooperationId: number,
    from: string,
    to: string,
  ): Promise<SatisfactionChange[]> {
    const rows = await this.reads.query<{
      projectId: number;
      cityId: number;
      ratingsBefore: Num;
      weightedBefore: Num;
      ratingsAfter: Num;
      weightedAfter: Num;
    }>(SATISFACTION_SIDES, {
      cooperationId,
      minRatings: SATISFACTION_MIN_RATINGS,
      ...satisfactionComparisonMonths(from, to),
    });
    return rows.flatMap((row) => {
      const ratingsBefore = n(row.ratingsBefore);
      const ratingsAfter = n(row.ratingsAfter);
      const before = ratingsBefore > 0 ? n(row.weightedBefore) / ratingsBefore : null;
      const after = ratingsAfter > 0 ? n(row.weightedAfter) / ratingsAfter : null;
      return isSatisfactionChange(
        { ratings: ratingsBefore, average: before },
        { ratings: ratingsAfter, average: after },
      )
        ? [
            {
              projectId: Number(row.projectId),
              cityId: Number(row.cityId),
              before,
              after,
              ratingsBefore,
              ratingsAfter,
            },
          ]
        : [];
    });
  }
}
