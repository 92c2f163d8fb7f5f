import {
  AdoptionStage,
  CELL_CODE_LENGTH,
  isOverdue,
  STAGE_CODES,
  todayIso,
  visibleMatrix,
} from '@koop/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditFilter, AuditLogService, changesOf, type AuditEntry } from '../audit/index.js';
import { City } from '../cities/index.js';
import { badField } from '../common/index.js';
import { Cooperation } from '../cooperations/index.js';
import { ActionItemFilter, Meeting, MeetingsService, type ActionItem } from '../meetings/index.js';
import { OverviewService } from '../overview/index.js';
import {
  Project,
  ProjectFilter,
  ProjectSortField,
  ProjectsService,
  SortDirection,
} from '../projects/index.js';
import {
  SatisfactionSeriesArgs,
  SatisfactionService,
  type SatisfactionPoint,
} from '../satisfaction/index.js';
import { WorkingGroup } from '../working-groups/index.js';
import type { ActionItemRow, AuditRow, MatrixCellRow, ProjectRow } from './export-columns.js';
import { bool, list, single, validated, type QueryParams } from './export-query.js';

/** The parameter names of the project list's sort, as in the view's `orderBy`. */
const SORT_FIELDS = Object.values(ProjectSortField) as string[];
/** Cities whose cells the matrix export reads per statement: at most 12,000 cells with 600 services. */
export const MATRIX_CITIES_PER_READ = 20;
/** Rows read per statement for lists read page by page. */
const EXPORT_CHUNK = 500;

/**
 * The rows of each export, read by the services the GraphQL resolvers of the same views use, with the same
 * filters: an export holds exactly what its view shows, on all its pages.
 */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly overviews: OverviewService,
    private readonly satisfaction: SatisfactionService,
    private readonly auditLog: AuditLogService,
    private readonly meetings: MeetingsService,
  ) {}

  /** `projects(filter, orderBy)` on all pages. */
  async projectRows(params: QueryParams): Promise<AsyncIterable<ProjectRow[]>> {
    const filter = await validated(
      ProjectFilter,
      {
        cooperationId: single(params, 'cooperationId'),
        workingGroupId: single(params, 'workingGroupId'),
        phases: list(params, 'phase'),
        healths: list(params, 'health'),
        kinds: list(params, 'kind'),
        cityId: single(params, 'cityId'),
        isEfa: bool(params, 'isEfa'),
        ozgTopic: single(params, 'ozgTopic'),
        search: single(params, 'search'),
      },
      { phases: 'phase', healths: 'health', kinds: 'kind' },
    );
    const field = single(params, 'orderBy') ?? ProjectSortField.TITLE;
    if (!SORT_FIELDS.includes(field)) throw badField('orderBy', `must be one of ${SORT_FIELDS.join(', ')}`);
    const direction = single(params, 'direction') ?? SortDirection.ASC;
    if (direction !== SortDirection.ASC && direction !== SortDirection.DESC) {
      throw badField('direction', 'must be ASC or DESC');
    }
    const pages = this.projects.findAll(filter, {
      field: field as ProjectSortField,
      direction: direction as SortDirection,
    });
    return this.withProjectNames(pages);
  }

  private async *withProjectNames(pages: AsyncIterable<Project[]>): AsyncGenerator<ProjectRow[]> {
    for await (const projects of pages) {
      const groups = await this.dataSource
        .getRepository(WorkingGroup)
        .findBy({ id: In([...new Set(projects.map((p) => p.workingGroupId))]) });
      const cooperations = await this.dataSource
        .getRepository(Cooperation)
        .findBy({ id: In([...new Set(groups.map((g) => g.cooperationId))]) });
      const ownerIds = [...new Set(projects.flatMap((p) => (p.ownerCityId === null ? [] : [p.ownerCityId])))];
      const cities = ownerIds.length
        ? await this.dataSource.getRepository(City).findBy({ id: In(ownerIds) })
        : [];
      const groupOf = new Map(groups.map((g) => [g.id, g]));
      const cooperationOf = new Map(cooperations.map((c) => [c.id, c]));
      const cityOf = new Map(cities.map((c) => [c.id, c]));
      yield projects.map((project) => {
        const group = groupOf.get(project.workingGroupId);
        return {
          project,
          workingGroup: group?.name ?? '',
          cooperation: (group && cooperationOf.get(group.cooperationId)?.shortName) ?? '',
          ownerCity: project.ownerCityId === null ? null : (cityOf.get(project.ownerCityId)?.name ?? null),
        };
      });
    }
  }

  /**
   * `adoptionMatrix(cooperationId)` with the page's topic and stage filters applied by the view's own rule:
   * one row per cell the grid shows (city by city, services in the grid's order). With a stage filter, the
   * grid blanks the cells at other stages, and the file leaves them out.
   */
  async matrixRows(params: QueryParams): Promise<AsyncIterable<MatrixCellRow[]>> {
    const cooperation = single(params, 'cooperationId');
    if (!cooperation) throw badField('cooperationId', 'is required');
    const stage = single(params, 'stage') ?? null;
    if (stage !== null && !(Object.values(AdoptionStage) as string[]).includes(stage)) {
      throw badField('stage', `must be one of ${Object.values(AdoptionStage).join(', ')}`);
    }
    const topic = single(params, 'ozgTopic') ?? null;
    // Which cities and services the grid shows, from the matrix's codes (kept while no row changes); the
    // cells in full are read a few cities at a time, as they are written: a statewide cooperation has 1.2
    // million of them.
    const matrix = await this.overviews.cooperationMatrix(cooperation);
    const [cities, services, codes] = await Promise.all([matrix.cities(), matrix.projects(), matrix.rows()]);
    const visible = visibleMatrix(
      cities.length,
      services.map((service) => service.ozgTopic),
      (row, column, wanted) => codes[row].codes.charAt(column * CELL_CODE_LENGTH) === STAGE_CODES[wanted],
      { topic, stage: stage as AdoptionStage | null },
    );
    const overviews = this.overviews;
    return (async function* () {
      for (let start = 0; start < visible.rows.length; start += MATRIX_CITIES_PER_READ) {
        const rows = visible.rows.slice(start, start + MATRIX_CITIES_PER_READ);
        const cells = await overviews.matrixCellsOf(
          matrix.cooperationId,
          rows.map((row) => cities[row].id),
        );
        const cellOf = new Map(cells.map((cell) => [`${cell.cityId}:${cell.projectId}`, cell]));
        yield rows.flatMap((row) =>
          visible.columns.flatMap((column) => {
            const adoption = cellOf.get(`${cities[row].id}:${services[column].id}`) ?? null;
            // A cell written since the grid's codes were read shows as it is now.
            if (stage !== null && adoption?.stage !== stage) return [];
            return [{ city: cities[row], service: services[column], adoption }];
          }),
        );
      }
    })();
  }

  /** `satisfactionSeries(projectId, cityId, cooperationId, from, to)`: one row per month. */
  async satisfactionRows(params: QueryParams): Promise<AsyncIterable<SatisfactionPoint[]>> {
    const args = await validated(SatisfactionSeriesArgs, {
      projectId: single(params, 'projectId'),
      cityId: single(params, 'cityId'),
      cooperationId: single(params, 'cooperationId'),
      from: single(params, 'from'),
      to: single(params, 'to'),
    });
    const points = await this.satisfaction.series(args);
    return (async function* () {
      yield points;
    })();
  }

  /** `actionItems(filter)` on all pages, by due date: the resolver's own page query, page after page. */
  async actionItemRows(params: QueryParams): Promise<AsyncIterable<ActionItemRow[]>> {
    const filter = await validated(ActionItemFilter, {
      cooperationId: single(params, 'cooperationId'),
      workingGroupId: single(params, 'workingGroupId'),
      ownerCityId: single(params, 'cityId') ?? single(params, 'ownerCityId'),
      projectId: single(params, 'projectId'),
      meetingId: single(params, 'meetingId'),
      status: single(params, 'status'),
      overdue: bool(params, 'overdue'),
    });
    const meetings = this.meetings;
    const pages = async function* (): AsyncGenerator<ActionItem[]> {
      let after: string | undefined;
      for (;;) {
        const page = await meetings.findActionItems({ filter, first: EXPORT_CHUNK, after });
        if (page.edges.length > 0) yield page.edges.map((edge) => edge.node);
        if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
        after = page.pageInfo.endCursor;
      }
    };
    return this.withActionItemNames(pages());
  }

  private async *withActionItemNames(pages: AsyncIterable<ActionItem[]>): AsyncGenerator<ActionItemRow[]> {
    const ids = (values: (number | null)[]) => [...new Set(values.filter((v): v is number => v !== null))];
    const today = todayIso();
    for await (const items of pages) {
      const [meetings, cities, groups, projects] = await Promise.all([
        this.dataSource.getRepository(Meeting).findBy({ id: In(ids(items.map((i) => i.meetingId))) }),
        this.dataSource.getRepository(City).findBy({ id: In(ids(items.map((i) => i.ownerCityId))) }),
        this.dataSource
          .getRepository(WorkingGroup)
          .findBy({ id: In(ids(items.map((i) => i.ownerWorkingGroupId))) }),
        this.dataSource.getRepository(Project).findBy({ id: In(ids(items.map((i) => i.projectId))) }),
      ]);
      const meetingOf = new Map(meetings.map((m) => [m.id, m]));
      const cityOf = new Map(cities.map((c) => [c.id, c.name]));
      const groupOf = new Map(groups.map((g) => [g.id, g.name]));
      const projectOf = new Map(projects.map((p) => [p.id, p.title]));
      yield items.map((item) => ({
        item,
        overdue: isOverdue(item.status, item.dueOn, today),
        meeting: meetingOf.get(item.meetingId)?.title ?? '',
        meetingDate: meetingOf.get(item.meetingId)?.startsAt ?? null,
        ownerCity: item.ownerCityId === null ? null : (cityOf.get(item.ownerCityId) ?? null),
        ownerWorkingGroup:
          item.ownerWorkingGroupId === null ? null : (groupOf.get(item.ownerWorkingGroupId) ?? null),
        project: item.projectId === null ? null : (projectOf.get(item.projectId) ?? null),
      }));
    }
  }

  /** `auditLog(filter)` on all pages, newest first. */
  async auditRows(params: QueryParams): Promise<AsyncIterable<AuditRow[]>> {
    const date = (name: string) => {
      const value = single(params, name);
      if (value === undefined) return undefined;
      const parsed = new Date(value);
      return Number.isNaN(parsed.getTime()) ? value : parsed;
    };
    const filter = await validated(AuditFilter, {
      entity: single(params, 'entity'),
      entityId: single(params, 'entityId'),
      accountId: single(params, 'accountId'),
      cityId: single(params, 'cityId'),
      projectId: single(params, 'projectId'),
      operation: single(params, 'operation'),
      from: date('from'),
      to: date('to'),
    });
    return this.withAuditNames(this.auditLog.findAll(filter));
  }

  private async *withAuditNames(pages: AsyncIterable<AuditEntry[]>): AsyncGenerator<AuditRow[]> {
    for await (const entries of pages) {
      const cityIds = [...new Set(entries.flatMap((e) => (e.cityId === null ? [] : [e.cityId])))];
      const projectIds = [...new Set(entries.flatMap((e) => (e.projectId === null ? [] : [e.projectId])))];
      const cities = cityIds.length
        ? await this.dataSource.getRepository(City).findBy({ id: In(cityIds) })
        : [];
      const projects = projectIds.length
        ? await this.dataSource.getRepository(Project).findBy({ id: In(projectIds) })
        : [];
      const cityOf = new Map(cities.map((c) => [c.id, c.name]));
      const projectOf = new Map(projects.map((p) => [p.id, p.title]));
      yield entries.map((entry): AuditRow => ({
        entry,
        city: entry.cityId === null ? null : (cityOf.get(entry.cityId) ?? null),
        project: entry.projectId === null ? null : (projectOf.get(entry.projectId) ?? null),
        changes: changesOf(entry)
          .map((change) => `${change.field}: ${change.before} → ${change.after}`)
          .join('; '),
      }));
    }
  }
}
