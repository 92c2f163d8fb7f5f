import {
  isSatisfactionChange,
  MeetingKind,
  type AdoptionStage,
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
import { dialectOf, namedQuery } from '../database/index.js';
import { ActionItem, Meeting } from '../meetings/index.js';
import { Milestone } from '../projects/index.js';
import type { Digest, ProjectChange, SatisfactionChange } from './digest.model.js';
import {
  actionItemsDone,
  actionItemsOverdue,
  adoptionStages,
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

/** Ids of rows in the order of `ids`, loaded in one statement. */
async function inOrder<T extends { id: number }>(rows: Promise<T[]>, ids: number[]): Promise<T[]> {
  const byId = new Map((await rows).map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row): row is T => row !== undefined);
}

@Injectable()
export class DigestService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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

  /** What changed in the cooperation from `from` to `to` (both days included), from the histories. */
  async digest(cooperationId: number, from: string, to: string): Promise<Digest> {
    const dialect = dialectOf(this.dataSource);
    const toEnd = dayAfter(to);
    const instant = (date: string) =>
      dialect.name === 'postgres' ? `${date}T00:00:00.000Z` : `${date} 00:00:00.000`;
    const window = { cooperationId, from, to, fromStart: instant(from), toEnd: instant(toEnd) };

    const [
      projectChanges,
      adoptions,
      satisfactionChanges,
      milestonesReached,
      milestonesMissed,
      actionItemsDoneList,
      actionItemsOverdueList,
    ] = await Promise.all([
      this.projectChanges(dialect, window),
      this.adoptionChanges(dialect, window),
      this.satisfactionChanges(cooperationId, from, to),
      this.milestones(MILESTONES_REACHED, window),
      this.milestones(MILESTONES_MISSED, window),
      this.actionItems(actionItemsDone(dialect), window),
      this.actionItems(actionItemsOverdue(dialect), window),
    ]);
    return {
      cooperationId,
      from,
      to,
      projectChanges,
      ...adoptions,
      satisfactionChanges,
      milestonesReached,
      milestonesMissed,
      actionItemsDone: actionItemsDoneList,
      actionItemsOverdue: actionItemsOverdueList,
    };
  }

  private async projectChanges(
    dialect: ReturnType<typeof dialectOf>,
    window: Record<string, unknown>,
  ): Promise<ProjectChange[]> {
    const rows = await namedQuery<{
      projectId: number;
      fromPhase: ProjectPhase | null;
      fromHealth: ProjectHealth | null;
      toPhase: ProjectPhase;
      toHealth: ProjectHealth;
    }>(this.dataSource, projectStates(dialect), window);
    return rows
      .filter((row) => row.fromPhase !== row.toPhase || row.fromHealth !== row.toHealth)
      .map((row) => ({ ...row, projectId: Number(row.projectId) }));
  }

  private async adoptionChanges(dialect: ReturnType<typeof dialectOf>, window: Record<string, unknown>) {
    const rows = await namedQuery<{
      adoptionId: number;
      fromStage: AdoptionStage | null;
      toStage: AdoptionStage | null;
    }>(this.dataSource, adoptionStages(dialect), window);
    const wentLive = rows.filter((row) => row.fromStage !== 'LIVE' && row.toStage === 'LIVE');
    const stopped = rows.filter((row) => row.fromStage === 'LIVE' && row.toStage !== 'LIVE');
    const ids = [...wentLive, ...stopped].map((row) => Number(row.adoptionId));
    const loaded =
      ids.length === 0
        ? Promise.resolve([])
        : this.dataSource.getRepository(Adoption).findBy({ id: In(ids) });
    const all = await inOrder(loaded, ids);
    return { newLiveAdoptions: all.slice(0, wentLive.length), lostLiveAdoptions: all.slice(wentLive.length) };
  }

  private async satisfactionChanges(
    cooperationId: number,
    from: string,
    to: string,
  ): Promise<SatisfactionChange[]> {
    const rows = await namedQuery<{
      projectId: number;
      cityId: number;
      ratingsBefore: Num;
      weightedBefore: Num;
      ratingsAfter: Num;
      weightedAfter: Num;
    }>(this.dataSource, SATISFACTION_SIDES, { cooperationId, ...satisfactionComparisonMonths(from, to) });
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

  private async actionItems(sql: string, window: Record<string, unknown>): Promise<ActionItem[]> {
    const ids = (await namedQuery<{ id: number }>(this.dataSource, sql, window)).map((row) => Number(row.id));
    if (ids.length === 0) {
      return [];
    }
    return inOrder(this.dataSource.getRepository(ActionItem).findBy({ id: In(ids) }), ids);
  }

  private async milestones(sql: string, window: Record<string, unknown>): Promise<Milestone[]> {
    const ids = (await namedQuery<{ id: number }>(this.dataSource, sql, window)).map((row) => Number(row.id));
    if (ids.length === 0) {
      return [];
    }
    return inOrder(this.dataSource.getRepository(Milestone).findBy({ id: In(ids) }), ids);
  }
}
