import {
  type ActionItemStatus,
  type AdoptionStage,
  isOverdue,
  countStages,
  decodeCell,
  type ProjectHealth,
  type ProjectPhase,
  REPORT_MATRIX_MAX_CELLS,
  REPORT_MIN_RATINGS,
  stageTallies,
  todayIso,
  type WorkingGroupFocus,
} from '@koop/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { City } from '../cities/index.js';
import { Cooperation } from '../cooperations/index.js';
import { dialectOf, namedQuery, Reads } from '../database/index.js';
import { digestCounts, DigestService, type DigestAdoptions } from '../digest/index.js';
import { OverviewService, type MonthCount, type Overview } from '../overview/index.js';
import { Project } from '../projects/index.js';
import { SatisfactionService, type SatisfactionPoint } from '../satisfaction/index.js';
import {
  actionItemsOfYear,
  decisionProjectsOfYear,
  decisionsOfYear,
  projectsAtYearEnd,
  SATISFACTION_BY_SERVICE_AND_CITY,
  WORKING_GROUPS,
} from './reports.queries.js';

type Num = number | string;

/** How many services the report names as best and as weakest. */
const RANKED = 5;

/**
 * What the report holds at most, so that it stays a report (and the API stays up) at Bavaria scale: the
 * statewide cooperation saw 237,678 adoptions go live in a year and has 1.2 million cells of the matrix.
 */
export interface ReportLimits {
  /** Entries of each list of the digest; the report gives the count of all beside them. */
  readonly digestEntries: number;
  /** Cells of the matrix shown one by one; a larger matrix is shown as counts per service. */
  readonly matrixCells: number;
}

export const REPORT_LIMITS: ReportLimits = { digestEntries: 50, matrixCells: REPORT_MATRIX_MAX_CELLS };

export interface ReportProject {
  title: string;
  phase: ProjectPhase;
  health: ProjectHealth;
  progress: number;
  summary: string;
}

export interface ReportWorkingGroup {
  name: string;
  focus: WorkingGroupFocus;
  leadCity: string | null;
  projects: ReportProject[];
}

export interface RatedServiceRow {
  project: string;
  city: string;
  average: number;
  ratings: number;
}

export interface ReportMatrixCell {
  stage: AdoptionStage;
  maturityModel: string;
  maturityLevel: number | null;
}

/** The adoption matrix, cell by cell, or (beyond ReportLimits.matrixCells) how many cities each service has at each stage. */
export type ReportMatrix =
  | { kind: 'cells'; cities: string[]; services: string[]; cells: (ReportMatrixCell | null)[][] }
  | {
      kind: 'byService';
      cities: number;
      services: { name: string; stages: Record<AdoptionStage, number>; noRecord: number }[];
    };

export interface ReportDecision {
  text: string;
  meeting: string;
  /** Day of the meeting, YYYY-MM-DD (UTC). */
  on: string;
  projects: string[];
}

export interface ReportActionItem {
  title: string;
  owner: string | null;
  dueOn: string;
  status: ActionItemStatus;
  /** Open past its due date on the day the report stands at. */
  overdue: boolean;
  meeting: string;
}

export interface ReportDigest {
  from: string;
  to: string;
  projectChanges: {
    project: string;
    fromPhase: ProjectPhase | null;
    toPhase: ProjectPhase;
    fromHealth: ProjectHealth | null;
    toHealth: ProjectHealth;
  }[];
  newLiveAdoptions: { project: string; city: string }[];
  lostLiveAdoptions: { project: string; city: string }[];
  satisfactionChanges: { project: string; city: string; before: number; after: number }[];
  milestonesReached: { title: string; project: string; on: string }[];
  milestonesMissed: { title: string; project: string; on: string }[];
  actionItemsDone: { title: string }[];
  actionItemsOverdue: { title: string; dueOn: string }[];
  /** How many entries each list has in all: the lists above hold the first ReportLimits.digestEntries. */
  counts: Record<DigestList, number>;
}

export type DigestList = Exclude<keyof ReportDigest, 'from' | 'to' | 'counts'>;

/** Everything the annual report shows, read once; the PDF is drawn from it alone. */
export interface AnnualReportData {
  cooperation: { name: string; shortName: string };
  year: number;
  /** The day the report was made. */
  madeOn: string;
  /** The day its figures stand at: the end of the year, or today for the current year. */
  asOf: string;
  overview: Overview;
  previous: Overview | null;
  months: string[];
  adoptionTimeline: MonthCount[];
  satisfaction: SatisfactionPoint[];
  workingGroups: ReportWorkingGroup[];
  matrix: ReportMatrix;
  best: RatedServiceRow[];
  weakest: RatedServiceRow[];
  decisions: ReportDecision[];
  actionItems: ReportActionItem[];
  digest: ReportDigest;
}

/**
 * The day (UTC) of a date or instant as the drivers return it: PostgreSQL gives `Date`s, SQLite the text
 * it stores (`YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS.SSS`, UTC).
 */
function dayOf(value: Date | string): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
}

/** The months of `year` up to `asOf` (`YYYY-MM`). */
function monthsUpTo(year: number, asOf: string): string[] {
  const last = asOf.startsWith(String(year)) ? Number(asOf.slice(5, 7)) : 12;
  return Array.from({ length: last }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`);
}

@Injectable()
export class AnnualReportReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly overviews: OverviewService,
    private readonly satisfactionFigures: SatisfactionService,
    private readonly digests: DigestService,
    private readonly reads: Reads,
  ) {}

  /** The report's content for a cooperation (that exists) and a year no later than this one. */
  async load(
    cooperationId: number,
    year: number,
    now = new Date(),
    limits: ReportLimits = REPORT_LIMITS,
  ): Promise<AnnualReportData> {
    const madeOn = todayIso(now);
    const asOf = `${year}-12-31` < madeOn ? `${year}-12-31` : madeOn;
    const months = monthsUpTo(year, asOf);
    const cooperation = await this.dataSource
      .getRepository(Cooperation)
      .findOneByOrFail({ id: cooperationId });
    const [
      overview,
      previous,
      adoptionTimeline,
      satisfaction,
      workingGroups,
      matrix,
      rated,
      digest,
      meetings,
    ] = await Promise.all([
      this.overviews.overview(cooperationId, year),
      this.overviews.overview(cooperationId, year - 1),
      this.overviews.adoptionTimeline(cooperationId, months[0], months[months.length - 1]),
      this.satisfactionFigures.series({
        cooperationId: String(cooperationId),
        from: months[0],
        to: months[months.length - 1],
      }),
      this.workingGroups(cooperationId, year),
      this.matrix(cooperationId, limits.matrixCells),
      this.rated(cooperationId, year),
      this.digest(cooperationId, asOf, limits.digestEntries),
      this.meetings(cooperationId, year, asOf),
    ]);
    return {
      cooperation: { name: cooperation.name, shortName: cooperation.shortName },
      year,
      madeOn,
      asOf,
      overview,
      previous,
      months,
      adoptionTimeline,
      satisfaction,
      workingGroups,
      matrix,
      ...rated,
      ...meetings,
      digest,
    };
  }

  /** The decisions and action items of the meetings held in the year. */
  private async meetings(cooperationId: number, year: number, asOf: string) {
    const dialect = dialectOf(this.dataSource);
    const instant = (date: string) =>
      dialect.name === 'postgres' ? `${date}T00:00:00.000Z` : `${date} 00:00:00.000`;
    const parameters = {
      cooperationId,
      yearStart: instant(`${year}-01-01`),
      yearEnd: instant(`${year + 1}-01-01`),
    };
    const [decisions, links, items] = await Promise.all([
      namedQuery<{ id: number; text: string; meeting: string; startsAt: Date | string }>(
        this.dataSource,
        decisionsOfYear(dialect),
        parameters,
      ),
      namedQuery<{ decisionId: number; title: string }>(
        this.dataSource,
        decisionProjectsOfYear(dialect),
        parameters,
      ),
      namedQuery<{
        title: string;
        status: ActionItemStatus;
        dueOn: Date | string;
        meeting: string;
        owner: string | null;
      }>(this.dataSource, actionItemsOfYear(dialect), parameters),
    ]);
    return {
      decisions: decisions.map((decision) => ({
        text: decision.text,
        meeting: decision.meeting,
        on: dayOf(decision.startsAt),
        projects: links
          .filter((link) => Number(link.decisionId) === Number(decision.id))
          .map((link) => link.title),
      })),
      actionItems: items.map((item) => {
        const dueOn = dayOf(item.dueOn);
        return {
          title: item.title,
          owner: item.owner,
          dueOn,
          status: item.status,
          overdue: isOverdue(item.status, dueOn, asOf),
          meeting: item.meeting,
        };
      }),
    };
  }

  private async workingGroups(cooperationId: number, year: number): Promise<ReportWorkingGroup[]> {
    const dialect = dialectOf(this.dataSource);
    const yearEnd =
      dialect.name === 'postgres' ? `${year + 1}-01-01T00:00:00.000Z` : `${year + 1}-01-01 00:00:00.000`;
    const [groups, projects] = await Promise.all([
      namedQuery<{ id: number; name: string; focus: WorkingGroupFocus; leadCity: string | null }>(
        this.dataSource,
        WORKING_GROUPS,
        { cooperationId },
      ),
      namedQuery<ReportProject & { workingGroupId: number }>(this.dataSource, projectsAtYearEnd(dialect), {
        cooperationId,
        yearEnd,
      }),
    ]);
    return groups.map((group) => ({
      name: group.name,
      focus: group.focus,
      leadCity: group.leadCity,
      projects: projects
        .filter((project) => Number(project.workingGroupId) === Number(group.id))
        .map(({ workingGroupId: _group, ...project }) => ({
          ...project,
          progress: Number(project.progress),
        })),
    }));
  }

  /**
   * The adoption matrix as it stands today, as the cockpit's matrix page shows it; beyond `maxCells`, for
   * each service how many member cities have it at each stage.
   */
  private async matrix(cooperationId: number, maxCells: number): Promise<ReportMatrix> {
    // The codes the matrix page reads too, kept while no row changes.
    const matrix = await this.overviews.cooperationMatrix(String(cooperationId));
    const [cities, projects, rows] = await Promise.all([matrix.cities(), matrix.projects(), matrix.rows()]);
    if (cities.length * projects.length <= maxCells) {
      return {
        kind: 'cells',
        cities: cities.map((city) => city.name),
        services: projects.map((project) => project.title),
        cells: rows.map((row) => projects.map((_project, column) => decodeCell(row.codes, column))),
      };
    }
    const tallies = stageTallies(projects.length);
    for (const [index, row] of rows.entries()) {
      // 2,056 rows of 600 cells: other requests are answered in between.
      if (index % 200 === 199) await new Promise<void>((resolve) => setImmediate(resolve));
      countStages(tallies, row.codes);
    }
    const services = projects.map((project, column) => ({ name: project.title, ...tallies[column] }));
    return { kind: 'byService', cities: cities.length, services };
  }

  /**
   * The services (per member city) rated best and weakest in the year, on enough ratings to mean something:
   * the weakest are those not already named best, worst first. Each end is read by its own statement on a
   * read worker: a statewide cooperation has a million rated pairs of service and city.
   */
  async rated(
    cooperationId: number,
    year: number,
  ): Promise<{ best: RatedServiceRow[]; weakest: RatedServiceRow[] }> {
    const parameters = {
      cooperationId,
      firstMonth: `${year}-01`,
      lastMonth: `${year}-12`,
      minRatings: REPORT_MIN_RATINGS,
      ranked: RANKED,
    };
    type Rated = { project: string; city: string; ratings: Num; average: Num; total: Num };
    const [best, weakest] = await Promise.all(
      (['best', 'weakest'] as const).map((order) =>
        this.reads.query<Rated>(SATISFACTION_BY_SERVICE_AND_CITY(order), parameters),
      ),
    );
    const total = Number(best[0]?.total ?? 0);
    const row = (rated: Rated): RatedServiceRow => ({
      project: rated.project,
      city: rated.city,
      ratings: Number(rated.ratings),
      average: Number(rated.average),
    });
    return { best: best.map(row), weakest: weakest.slice(0, Math.max(0, total - RANKED)).map(row) };
  }

  /** The digest up to `to` over the default period, with names instead of ids. */
  private async digest(cooperationId: number, to: string, entries: number): Promise<ReportDigest> {
    const period = await this.digests.period(cooperationId, null, to);
    const { parts } = await this.digests.digest(cooperationId, period.from, period.to);
    const counts = digestCounts(parts);
    const first = <T>(list: readonly T[]) => list.slice(0, entries);
    const firstAdoptions = (adoptions: DigestAdoptions): DigestAdoptions => ({
      ids: adoptions.ids.subarray(0, entries),
      projectIds: adoptions.projectIds.subarray(0, entries),
      cityIds: adoptions.cityIds.subarray(0, entries),
    });
    const [milestonesReached, milestonesMissed, actionItemsDone, actionItemsOverdue] = await Promise.all([
      this.digests.milestones(first(parts.milestonesReached)),
      this.digests.milestones(first(parts.milestonesMissed)),
      this.digests.actionItems(first(parts.actionItemsDone)),
      this.digests.actionItems(first(parts.actionItemsOverdue)),
    ]);
    const digest = {
      projectChanges: first(parts.projectChanges),
      newLiveAdoptions: firstAdoptions(parts.newLiveAdoptions),
      lostLiveAdoptions: firstAdoptions(parts.lostLiveAdoptions),
      satisfactionChanges: first(parts.satisfactionChanges),
      milestonesReached,
      milestonesMissed,
      actionItemsDone,
      actionItemsOverdue,
    };
    const projectIds = new Set<number>([
      ...digest.projectChanges.map((change) => change.projectId),
      ...digest.newLiveAdoptions.projectIds,
      ...digest.lostLiveAdoptions.projectIds,
      ...digest.satisfactionChanges.map((change) => change.projectId),
      ...digest.milestonesReached.map((milestone) => milestone.projectId),
      ...digest.milestonesMissed.map((milestone) => milestone.projectId),
    ]);
    const cityIds = new Set<number>([
      ...digest.newLiveAdoptions.cityIds,
      ...digest.lostLiveAdoptions.cityIds,
      ...digest.satisfactionChanges.flatMap((change) => (change.cityId === null ? [] : [change.cityId])),
    ]);
    const [projects, cities] = await Promise.all([
      projectIds.size ? this.dataSource.getRepository(Project).findBy({ id: In([...projectIds]) }) : [],
      cityIds.size ? this.dataSource.getRepository(City).findBy({ id: In([...cityIds]) }) : [],
    ]);
    const title = new Map(projects.map((project) => [project.id, project.title]));
    const name = new Map(cities.map((city) => [city.id, city.name]));
    const projectOf = (id: number) => title.get(id) ?? '';
    const cityOf = (id: number | null) => (id === null ? '' : (name.get(id) ?? ''));
    const named = (adoptions: DigestAdoptions) =>
      Array.from(adoptions.ids, (_, i) => ({
        project: projectOf(adoptions.projectIds[i]),
        city: cityOf(adoptions.cityIds[i]),
      }));
    return {
      from: period.from,
      to: period.to,
      projectChanges: digest.projectChanges.map(({ projectId, ...change }) => ({
        project: projectOf(projectId),
        ...change,
      })),
      newLiveAdoptions: named(digest.newLiveAdoptions),
      lostLiveAdoptions: named(digest.lostLiveAdoptions),
      satisfactionChanges: digest.satisfactionChanges.map((change) => ({
        project: projectOf(change.projectId),
        city: cityOf(change.cityId),
        before: change.before ?? 0,
        after: change.after ?? 0,
      })),
      milestonesReached: digest.milestonesReached.map((m) => ({
        title: m.title,
        project: projectOf(m.projectId),
        on: m.doneOn ?? m.dueOn,
      })),
      actionItemsDone: digest.actionItemsDone.map((item) => ({ title: item.title })),
      actionItemsOverdue: digest.actionItemsOverdue.map((item) => ({ title: item.title, dueOn: item.dueOn })),
      milestonesMissed: digest.milestonesMissed.map((m) => ({
        title: m.title,
        project: projectOf(m.projectId),
        on: m.dueOn,
      })),
      counts,
    };
  }
}
