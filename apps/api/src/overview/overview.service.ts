import {
  ACTIVE_PHASES,
  adoptionRate,
  type AdoptionSource,
  type AdoptionStage,
  CELL_CODE_LENGTH,
  completionRate,
  NO_RECORD_CODE,
  ProjectHealth,
  ProjectKind,
  ProjectPhase,
  todayIso,
  writeCellBytes,
} from '@koop/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Adoption } from '../adoptions/index.js';
import { City } from '../cities/index.js';
import { notFound, parseId } from '../common/index.js';
import { Cooperation } from '../cooperations/index.js';
import { Reads, VersionedCache, dataVersion, dialectOf } from '../database/index.js';
import { liveAdoptionsByFirstMonth, PROJECT_STATES_AT, TOTALS_AT } from '../figures/index.js';
import { Project, StatusUpdate } from '../projects/index.js';
import type { AdoptionMatrix, AdoptionMatrixRow, Count, MonthCount, Overview } from './overview.model.js';
import { MATRIX_CELL_CODES, MATRIX_CELLS_OF_CITIES, MATRIX_CITIES } from './overview.queries.js';

type Num = number | string | null;

/** A cell of the matrix in full, as the files show it: the adoption's own columns. */
export type MatrixCell = Pick<
  Adoption,
  'cityId' | 'projectId' | 'stage' | 'maturityModel' | 'maturityLevel' | 'liveSince' | 'source'
>;

/** The promise of `load`, started on the first call and shared by every later one (until it fails). */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}
const n = (value: Num | undefined): number => Number(value ?? 0);

/** A membership row `m` that has not ended by :today (`endedOn` is the first day it no longer holds). */
const CURRENT_MEMBER = '(m.endedOn IS NULL OR m.endedOn > :today)';

/** Tomorrow's date (UTC) as `YYYY-MM-DD`: a membership counts once its joinedOn is before it, i.e. today. */
export function tomorrow(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1))
    .toISOString()
    .slice(0, 10);
}

interface StateRow {
  phase: ProjectPhase;
  health: ProjectHealth;
  kind: ProjectKind;
  count: Num;
}

interface TotalsRow {
  memberCities: Num;
  liveAdoptions: Num;
  ratingsCount: Num;
  weightedRating: Num;
  transactionsStarted: Num;
  transactionsCompleted: Num;
}

/** Every key with its count, zero where no row has it. */
function counts(keys: readonly string[], rows: readonly { key: string; count: number }[]): Count[] {
  return keys.map((key) => ({
    key,
    count: rows.filter((r) => r.key === key).reduce((sum, r) => sum + r.count, 0),
  }));
}

/** The earlier of two dates (`YYYY-MM-DD`). */
const earlier = (a: string, b: string) => (a < b ? a : b);

/** A membership row `m` counts at a moment when it began before `bound` (or has no start date). */
export const memberBefore = (bound: string) => `(m."joinedOn" IS NULL OR m."joinedOn" < ${bound})`;

/** The first day of the month after `month` (`YYYY-MM`), as `YYYY-MM-DD`. */
function nextMonthStart(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber, 1)).toISOString().slice(0, 10);
}

/** Every month from `from` to `to` (`YYYY-MM`, both included). */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to && months.length < 1200; month = nextMonthStart(month).slice(0, 7)) {
    months.push(month);
  }
  return months;
}

/** The cells' columns as MATRIX_CELL_CODES selects them, one array of numbers each. */
type CellCodeColumns = Float64Array[];

/** Cells whose codes are written in one turn of the event loop (some 5 ms). */
const CELLS_PER_TURN = 200_000;

/** For each id of `records`, its index there; -1 for ids not among them. */
function indexById(records: readonly { readonly id: number }[]): Int32Array {
  const index = new Int32Array(records.reduce((max, record) => Math.max(max, record.id), 0) + 1).fill(-1);
  records.forEach((record, at) => (index[record.id] = at));
  return index;
}

/**
 * One string of cell codes per city, the cells in the order of `projects`; other cells are left out. The
 * codes are written as bytes into one buffer rather than as 60,000 small strings; a value the rules do not
 * allow fails the read.
 */
async function matrixRows(
  cities: City[],
  projects: Project[],
  cells: CellCodeColumns,
): Promise<AdoptionMatrixRow[]> {
  const [cityIds = [], projectIds = [], stages = [], levels = [], models = []] = cells;
  const rowOf = indexById(cities);
  const columnOf = indexById(projects);
  const width = projects.length * CELL_CODE_LENGTH;
  const codes = Buffer.alloc(cities.length * width, NO_RECORD_CODE);
  for (let cell = 0; cell < cityIds.length; cell++) {
    // A statewide cooperation has 1.2 million cells: other requests are answered in between.
    if (cell > 0 && cell % CELLS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const row = rowOf[cityIds[cell]] ?? -1;
    const column = columnOf[projectIds[cell]] ?? -1;
    if (row < 0 || column < 0) continue;
    const level = levels[cell];
    const at = row * width + column * CELL_CODE_LENGTH;
    if (!writeCellBytes(codes, at, stages[cell], models[cell], level === -1 ? null : level)) {
      throw new Error(
        `The adoption of city ${cityIds[cell]} for service ${projectIds[cell]} has no cell code.`,
      );
    }
  }
  return cities.map((city, index) => ({
    cityId: city.id,
    codes: codes.toString('latin1', index * width, (index + 1) * width),
  }));
}

/** How many overviews (cooperation × year) are kept at most: a few hundred bytes each. */
const KEPT_OVERVIEWS = 1000;

/** How many adoption matrices are kept at most: up to a few hundred kilobytes each at Bavaria scale. */
const KEPT_MATRICES = 16;

@Injectable()
export class OverviewService {
  /**
   * Overviews as computed, kept while no row of the database changes (database/data-version.ts): they are a
   * function of the summary figures, the memberships and today's date alone, and the cockpit asks for the
   * same few again and again. Any committed write — here or in another process — drops them.
   */
  private readonly kept = new VersionedCache<Overview>(KEPT_OVERVIEWS);

  /** Adoption matrices (cities, services and compact rows), kept on the same terms as the overviews. */
  private readonly keptMatrices = new VersionedCache<AdoptionMatrix>(KEPT_MATRICES);

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
   * The overview of a cooperation (NOT_FOUND when there is none) for `year`, as computed before if no row
   * changed since (see `kept`). `request` shares the request's reading of the data version; `previous`
   * passes the version of the year after's overview on.
   */
  async cooperationOverview(id: string, year: number, request?: object): Promise<Overview> {
    const cooperationId = parseId('Cooperation', id, 'cooperationId');
    const version = await dataVersion(this.dataSource, request);
    const dayAfterToday = tomorrow();
    return this.kept.through(version, `${cooperationId}:${year}:${dayAfterToday}`, async () => {
      await this.cooperationId(id);
      return this.figuresAt(cooperationId, year, dayAfterToday, version);
    });
  }

  /** The same figures for the year before an overview's year. */
  previousOverview(overview: Overview): Promise<Overview> {
    const { cooperationId, dataVersion: version } = overview;
    const year = overview.year - 1;
    const dayAfterToday = tomorrow();
    return this.kept.through(version, `${cooperationId}:${year}:${dayAfterToday}`, () =>
      this.figuresAt(cooperationId, year, dayAfterToday, version),
    );
  }

  /** The figures of a cooperation known to exist, computed afresh. */
  overview(cooperationId: number, year: number): Promise<Overview> {
    return this.figuresAt(cooperationId, year, tomorrow(), null);
  }

  /**
   * The figures as they stood at the end of `year` (today, for the current year; `dayAfterToday` is
   * tomorrow's date): each project in the state of its latest status update before then, each adoption in
   * the state of its latest change. `version` is the data version read before (kept with the figures).
   */
  private async figuresAt(
    cooperationId: number,
    year: number,
    dayAfterToday: string,
    version: string | null,
  ): Promise<Overview> {
    // Both read summary rows kept by the writes (figures feature), not the raw history.
    const parameters = {
      cooperationId,
      firstMonth: `${year}-01`,
      lastMonth: `${year}-12`,
      joinedBefore: earlier(`${year + 1}-01-01`, dayAfterToday),
    };
    // Off the event loop (on SQLite a read worker): at Bavaria scale the largest cooperation's figures of a
    // year take over 100 ms to sum, which no other request should wait for.
    const [states, [totals]] = await Promise.all([
      this.reads.query<StateRow>(PROJECT_STATES_AT, parameters),
      this.reads.query<TotalsRow>(TOTALS_AT, parameters),
    ]);
    const rows = states.map((row) => ({ ...row, count: n(row.count) }));
    const active = rows.filter((row) => ACTIVE_PHASES.includes(row.phase));
    const services = rows.filter((row) => row.kind === ProjectKind.ONLINE_SERVICE);
    const sum = (list: typeof rows) => list.reduce((total, row) => total + row.count, 0);

    const memberCities = n(totals?.memberCities);
    const onlineServices = sum(services);
    const liveAdoptions = n(totals?.liveAdoptions);
    const ratingsCount = n(totals?.ratingsCount);
    return {
      cooperationId,
      dataVersion: version,
      year,
      activeProjects: sum(active),
      projectsByHealth: counts(
        Object.values(ProjectHealth),
        active.map((row) => ({ key: row.health, count: row.count })),
      ),
      projectsByPhase: counts(
        Object.values(ProjectPhase),
        rows.map((row) => ({ key: row.phase, count: row.count })),
      ),
      servicesLive: sum(services.filter((row) => row.phase === ProjectPhase.LIVE)),
      memberCities,
      onlineServices,
      liveAdoptions,
      adoptionRate: adoptionRate(liveAdoptions, memberCities, onlineServices),
      ratingsCount,
      averageSatisfaction: ratingsCount > 0 ? n(totals?.weightedRating) / ratingsCount : null,
      completionRate: completionRate(n(totals?.transactionsCompleted), n(totals?.transactionsStarted)),
    };
  }

  /** Live adoptions of the cooperation's online services at the end of each month from `from` to `to`. */
  async adoptionTimeline(cooperationId: number, from: string, to: string): Promise<MonthCount[]> {
    // The same rule as the overview's, month by month. A month not yet over counts the members of today, so
    // that the current month agrees with the current year's overview. Off the event loop: at Bavaria scale
    // the largest cooperation has tens of thousands of summary rows.
    const months = monthsBetween(from, to);
    if (months.length === 0) {
      return [];
    }
    const rows = await this.reads.query<{ month: string; adoptions: Num }>(
      liveAdoptionsByFirstMonth(dialectOf(this.dataSource)),
      { cooperationId, to, today: todayIso() },
    );
    let live = 0;
    let next = 0;
    return months.map((month) => {
      for (; next < rows.length && rows[next].month <= month; next++) {
        live += n(rows[next].adoptions);
      }
      return { month, count: live };
    });
  }

  /** The newest status updates of the cooperation's projects. */
  latestStatusUpdates(cooperationId: number, first: number): Promise<StatusUpdate[]> {
    return this.dataSource
      .getRepository(StatusUpdate)
      .createQueryBuilder('su')
      .innerJoin(Project, 'p', 'p.id = su.projectId')
      .innerJoin('working_group', 'wg', 'wg.id = p.workingGroupId')
      .where('wg.cooperationId = :cooperationId', { cooperationId })
      .orderBy('su.createdAt', 'DESC')
      .addOrderBy('su.id', 'DESC')
      .limit(first)
      .getMany();
  }

  /**
   * The adoption matrix of a cooperation (NOT_FOUND when there is none), as read before if no row changed
   * since: its rows, columns and compact cells. The cells in full (for the editor and exports, 60,000
   * objects at Bavaria scale) are read afresh each time, never kept. `request` shares the request's reading
   * of the data version.
   */
  async cooperationMatrix(id: string, request?: object): Promise<AdoptionMatrix> {
    const cooperationId = parseId('Cooperation', id, 'cooperationId');
    const version = await dataVersion(this.dataSource, request);
    const matrix = await this.keptMatrices.through(version, `${cooperationId}:${todayIso()}`, async () => {
      await this.cooperationId(id);
      return this.adoptionMatrix(cooperationId);
    });
    return { ...matrix, cells: () => this.matrixCells(cooperationId) };
  }

  /**
   * Member cities × online services and the adoptions between them. Each part is one statement, run when
   * a field first asks for it; the compact rows reuse the cities and projects.
   */
  adoptionMatrix(cooperationId: number): AdoptionMatrix {
    const cities = once(() => this.matrixCities(cooperationId));
    const projects = once(() => this.matrixProjects(cooperationId));
    const cells = once(() => this.matrixCells(cooperationId));
    const rows = once(async () =>
      matrixRows(await cities(), await projects(), await this.matrixCellCodes(cooperationId)),
    );
    return { cooperationId, cities, projects, cells, rows };
  }

  /** Off the event loop: 2,056 cities sorted by a German sort key cost the main thread some 50 ms. */
  private async matrixCities(cooperationId: number): Promise<City[]> {
    const rows = await this.reads.query<City>(MATRIX_CITIES, { cooperationId, today: todayIso() });
    return rows.map((row) => Object.assign(new City(), row, { id: Number(row.id) }));
  }

  private matrixProjects(cooperationId: number): Promise<Project[]> {
    return this.dataSource
      .getRepository(Project)
      .createQueryBuilder('p')
      .innerJoin('working_group', 'wg', 'wg.id = p.workingGroupId')
      .where('wg.cooperationId = :cooperationId', { cooperationId })
      .andWhere('p.kind = :kind', { kind: ProjectKind.ONLINE_SERVICE })
      .orderBy('sort_key(p.title)', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
  }

  private matrixCells(cooperationId: number): Promise<Adoption[]> {
    return this.dataSource
      .getRepository(Adoption)
      .createQueryBuilder('a')
      .innerJoin('project', 'p', 'p.id = a.projectId')
      .innerJoin('working_group', 'wg', 'wg.id = p.workingGroupId')
      .innerJoin(
        'membership',
        'm',
        `m.cityId = a.cityId AND m.cooperationId = wg.cooperationId AND ${CURRENT_MEMBER}`,
        {
          today: todayIso(),
        },
      )
      .where('wg.cooperationId = :cooperationId', { cooperationId })
      .andWhere('p.kind = :kind', { kind: ProjectKind.ONLINE_SERVICE })
      .orderBy('a.cityId', 'ASC')
      .addOrderBy('a.projectId', 'ASC')
      .getMany();
  }

  /**
   * The cells of some member cities of the cooperation in full, as the files show them (a city without a
   * record for a service has no cell here), read off the event loop: the exports of a statewide cooperation
   * read its 1.2 million cells this way, a few cities at a time, never all at once.
   */
  async matrixCellsOf(cooperationId: number, cityIds: readonly number[]): Promise<MatrixCell[]> {
    if (cityIds.length === 0) return [];
    const [ids = [], projectIds = [], stages = [], models = [], levels = [], liveSince = [], sources = []] =
      await this.reads.columns(MATRIX_CELLS_OF_CITIES, {
        cooperationId,
        cityIds,
        onlineService: ProjectKind.ONLINE_SERVICE,
      });
    return ids.map((cityId, row) => ({
      cityId: Number(cityId),
      projectId: Number(projectIds[row]),
      stage: stages[row] as AdoptionStage,
      maturityModel: String(models[row]),
      maturityLevel: levels[row] === null ? null : Number(levels[row]),
      liveSince: (liveSince[row] as string | null) ?? null,
      source: (sources[row] as AdoptionSource | null) ?? null,
    }));
  }

  /**
   * Only the columns a cell's code needs, as the bytes of the codes, one array of numbers per column: no
   * object per cell, and nothing to copy when they cross from the read worker. 1.2 million rows for a
   * statewide cooperation.
   */
  private matrixCellCodes(cooperationId: number): Promise<CellCodeColumns> {
    return this.reads.numberColumns(MATRIX_CELL_CODES, {
      cooperationId,
      today: todayIso(),
      onlineService: ProjectKind.ONLINE_SERVICE,
    });
  }
}
