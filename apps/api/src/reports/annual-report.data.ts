import {
  type ActionItemStatus,
  type AdoptionStage,
  isOverdue,
  decodeCell,
  type ProjectHealth,
  type ProjectPhase,
  REPORT_MIN_RATINGS,
  todayIso,
  type WorkingGroupFocus,
} from '@koop/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { City } from '../cities/index.js';
import { Cooperation } from '../cooperations/index.js';
import { dialectOf, namedQuery } from '../database/index.js';
import { DigestService, type DigestAdoptions } from '../digest/index.js';
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

/** How many services the report names as best and as weakest. */
const RANKED = 5;

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
}

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
  matrix: { cities: string[]; services: string[]; cells: (ReportMatrixCell | null)[][] };
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
  ) {}

  /** The report's content for a cooperation (that exists) and a year no later than this one. */
  async load(cooperationId: number, year: number, now = new Date()): Promise<AnnualReportData> {
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
      this.matrix(cooperationId),
      this.rated(cooperationId, year),
      this.digest(cooperationId, asOf),
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

  /** The whole adoption matrix as it stands today, as the cockpit's matrix page shows it. */
  private async matrix(cooperationId: number): Promise<AnnualReportData['matrix']> {
    const matrix = this.overviews.adoptionMatrix(cooperationId);
    const [cities, projects, rows] = await Promise.all([matrix.cities(), matrix.projects(), matrix.rows()]);
    return {
      cities: cities.map((city) => city.name),
      services: projects.map((project) => project.title),
      cells: rows.map((row) => projects.map((_project, column) => decodeCell(row.codes, column))),
    };
  }

  /** The services (per member city) rated best and weakest in the year, on enough ratings to mean something. */
  async rated(
    cooperationId: number,
    year: number,
  ): Promise<{ best: RatedServiceRow[]; weakest: RatedServiceRow[] }> {
    const rows = await namedQuery<{
      project: string;
      city: string;
      ratings: number | string;
      average: number | string;
    }>(this.dataSource, SATISFACTION_BY_SERVICE_AND_CITY, {
      cooperationId,
      firstMonth: `${year}-01`,
      lastMonth: `${year}-12`,
      minRatings: REPORT_MIN_RATINGS,
    });
    const all = rows
      .map((row) => ({
        project: row.project,
        city: row.city,
        ratings: Number(row.ratings),
        average: Number(row.average),
      }))
      .sort(
        (a, b) => b.average - a.average || b.ratings - a.ratings || a.project.localeCompare(b.project, 'de'),
      );
    const best = all.slice(0, RANKED);
    // The weakest are those not already named best, worst first.
    const weakest = all.slice(Math.max(RANKED, all.length - RANKED)).reverse();
    return { best, weakest };
  }

  /** The digest up to `to` over the default period, with names instead of ids. */
  private async digest(cooperationId: number, to: string): Promise<ReportDigest> {
    const period = await this.digests.period(cooperationId, null, to);
    const { parts } = await this.digests.digest(cooperationId, period.from, period.to);
    const [milestonesReached, milestonesMissed, actionItemsDone, actionItemsOverdue] = await Promise.all([
      this.digests.milestones(parts.milestonesReached),
      this.digests.milestones(parts.milestonesMissed),
      this.digests.actionItems(parts.actionItemsDone),
      this.digests.actionItems(parts.actionItemsOverdue),
    ]);
    const digest = { ...parts, milestonesReached, milestonesMissed, actionItemsDone, actionItemsOverdue };
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
    };
  }
}
