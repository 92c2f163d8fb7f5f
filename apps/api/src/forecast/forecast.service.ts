import {
  AdoptionStage,
  currentMonth,
  addMonths,
  monthsBetween,
  ProjectKind,
  ProjectPhase,
  todayIso,
} from '@koop/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badField, notFound, parseId } from '../common/index.js';
import { dialectOf, namedQuery } from '../database/index.js';
import { OverviewService } from '../overview/index.js';
import { buildForecast, type Observation } from './forecast.js';
import type { AdoptionForecast } from './forecast.model.js';
import {
  FIRST_MONTH,
  LIVE_SERVICES,
  MEMBERS,
  PROJECT_CHANGES,
  PROJECT_EXISTS,
  PROJECT_OF_COOPERATION,
  PROJECT_PHASES,
} from './forecast.queries.js';

type Num = number | string | null;

/**
 * The month (YYYY-MM) of an instant as the databases return it: a Date, SQLite's UTC text, or (from an
 * aggregate over timestamps) PostgreSQL's text.
 */
const monthOfInstant = (value: Date | string) =>
  (value instanceof Date
    ? value.toISOString()
    : new Date(
        value.includes('T') || value.includes('+') ? value : `${value.replace(' ', 'T')}Z`,
      ).toISOString()
  ).slice(0, 7);

@Injectable()
export class ForecastService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly overviews: OverviewService,
  ) {}

  /**
   * The forecast of the cooperation's live adoptions (all its live online services, or one), from the first
   * month with an adoption to the last complete month. The ceiling is the known market: the member cities
   * today, times the live online services when no service is chosen.
   */
  async forecast(cooperationIdText: string, projectIdText: string | null): Promise<AdoptionForecast> {
    const cooperationId = await this.overviews.cooperationId(cooperationIdText);
    const lastMonth = addMonths(currentMonth(todayIso()), -1);
    const [members] = await namedQuery<{ count: Num }>(this.dataSource, MEMBERS, { cooperationId });
    const memberCount = Number(members?.count ?? 0);
    if (projectIdText === null) {
      const [services] = await namedQuery<{ count: Num }>(this.dataSource, LIVE_SERVICES, {
        cooperationId,
        onlineService: ProjectKind.ONLINE_SERVICE,
        projectLive: ProjectPhase.LIVE,
      });
      const first = await this.firstMonth(cooperationId, null);
      const series =
        first && first <= lastMonth
          ? await this.overviews.adoptionTimeline(cooperationId, first, lastMonth)
          : [];
      return buildForecast(series, memberCount * Number(services?.count ?? 0));
    }
    const projectId = parseId('Project', projectIdText, 'projectId');
    const [project] = await namedQuery<{ id: Num }>(this.dataSource, PROJECT_OF_COOPERATION, {
      projectId,
      cooperationId,
    });
    if (!project) {
      const exists = await namedQuery(this.dataSource, PROJECT_EXISTS, {
        projectId,
      });
      if (exists.length === 0) throw notFound('Project', projectIdText, 'projectId');
      throw badField('projectId', 'is a project of another cooperation');
    }
    const changes = await namedQuery<{ cityId: Num; at: Date | string; stage: string }>(
      this.dataSource,
      PROJECT_CHANGES,
      { projectId, cooperationId },
    );
    const phases = await namedQuery<{ at: Date | string; phase: string }>(this.dataSource, PROJECT_PHASES, {
      projectId,
    });
    const first = await this.firstMonth(cooperationId, projectId);
    return buildForecast(first ? projectSeries(changes, phases, first, lastMonth) : [], memberCount);
  }

  private async firstMonth(cooperationId: number, projectId: number | null): Promise<string | null> {
    const dialect = dialectOf(this.dataSource);
    const [row] = await namedQuery<{ first: Date | string | null }>(
      this.dataSource,
      FIRST_MONTH.replaceAll(':projectId', dialect.integer(':projectId')),
      { cooperationId, projectId, onlineService: ProjectKind.ONLINE_SERVICE, projectLive: ProjectPhase.LIVE },
    );
    return row?.first ? monthOfInstant(row.first) : null;
  }
}

/**
 * Live adoptions of one service at the end of each month, from the month of its first adoption change: a
 * city counts while its latest change is LIVE and the service itself is live (the cockpit's rule).
 */
function projectSeries(
  changes: readonly { cityId: Num; at: Date | string; stage: string }[],
  phases: readonly { at: Date | string; phase: string }[],
  firstMonth: string,
  lastMonth: string,
): Observation[] {
  if (firstMonth > lastMonth) return [];
  const stages = new Map<number, string>();
  let phase: string | null = null;
  let c = 0;
  let p = 0;
  return monthsBetween(firstMonth, lastMonth).map((month) => {
    for (let change = changes[c]; change && monthOfInstant(change.at) <= month; change = changes[++c]) {
      stages.set(Number(change.cityId), change.stage);
    }
    for (let update = phases[p]; update && monthOfInstant(update.at) <= month; update = phases[++p]) {
      phase = update.phase;
    }
    const live = [...stages.values()].filter((stage) => stage === AdoptionStage.LIVE).length;
    return { month, count: phase === ProjectPhase.LIVE ? live : 0 };
  });
}
