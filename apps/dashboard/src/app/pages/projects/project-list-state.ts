import { DEFAULT_PAGE_SIZE } from '@koop/domain';
import type {
  ProjectHealth,
  ProjectKind,
  ProjectListPageQueryVariables,
  ProjectPhase,
  ProjectSortField,
  SortDirection,
} from '../../graphql/generated/graphql';

/** Everything that decides which projects the list shows; all of it lives in the URL. */
export interface ProjectListState {
  readonly cooperationId: string | null;
  readonly workingGroupId: string | null;
  readonly phases: readonly ProjectPhase[];
  readonly healths: readonly ProjectHealth[];
  readonly kinds: readonly ProjectKind[];
  readonly cityId: string | null;
  readonly isEfa: boolean | null;
  readonly search: string;
  readonly sort: ProjectSortField;
  readonly direction: SortDirection;
  readonly pageSize: number;
  /** The `after` cursor of every page before the current one: the way back, and the page number. */
  readonly trail: readonly string[];
}

/** The URL's query parameters, as the router hands them to the page's inputs. */
export interface ProjectListParams {
  readonly kooperation?: string | null;
  readonly arbeitszirkel?: string | null;
  readonly phase?: string | null;
  readonly status?: string | null;
  readonly art?: string | null;
  readonly kommune?: string | null;
  readonly efa?: string | null;
  readonly suche?: string | null;
  readonly sortierung?: string | null;
  readonly richtung?: string | null;
  readonly anzahl?: string | null;
  readonly nach?: string | null;
}

/** Phases in the order of a project's life. */
export const PHASES: readonly ProjectPhase[] = [
  'IDEA',
  'PLANNED',
  'IN_DEVELOPMENT',
  'PILOT',
  'LIVE',
  'RETIRED',
];
/** Health, the most urgent first. */
export const HEALTHS: readonly ProjectHealth[] = ['RED', 'AMBER', 'GREEN'];
export const KINDS: readonly ProjectKind[] = [
  'ONLINE_SERVICE',
  'PLATFORM',
  'STANDARD',
  'CONCEPT',
  'POSITION_PAPER',
  'MARKETING',
];
export const PAGE_SIZES: readonly number[] = [10, 25, 50, 100];

/** Sort fields and their names in the URL, in the order the list's columns show them. */
export const SORT_KEYS: Readonly<Record<ProjectSortField, string>> = {
  TITLE: 'titel',
  PHASE: 'phase',
  HEALTH: 'status',
  PROGRESS: 'fortschritt',
  TARGET_DATE: 'zieldatum',
  UPDATED_AT: 'aktualisiert',
};

const DIRECTIONS: Readonly<Record<SortDirection, string>> = { ASC: 'auf', DESC: 'ab' };

export const DEFAULT_STATE: ProjectListState = {
  cooperationId: null,
  workingGroupId: null,
  phases: [],
  healths: [],
  kinds: [],
  cityId: null,
  isEfa: null,
  search: '',
  sort: 'TITLE',
  direction: 'ASC',
  pageSize: DEFAULT_PAGE_SIZE,
  trail: [],
};

function keyOf<T extends string>(
  map: Readonly<Record<T, string>>,
  value: string | null | undefined,
): T | null {
  const entry = Object.entries(map).find(([, name]) => name === value);
  return entry ? (entry[0] as T) : null;
}

/** The known values of a comma-separated list, in their canonical order, each once. */
function listOf<T extends string>(allowed: readonly T[], value: string | null | undefined): T[] {
  const given = new Set((value ?? '').split(',').map((item) => item.trim().toUpperCase()));
  return allowed.filter((item) => given.has(item));
}

function idOf(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Reads the list's state from the URL; what it does not understand it leaves at the default. */
export function parseListState(params: ProjectListParams): ProjectListState {
  const pageSize = Number(params.anzahl);
  const trail = (params.nach ?? '').split(',').filter((cursor) => /^[\w-]+$/.test(cursor));
  return {
    cooperationId: idOf(params.kooperation),
    workingGroupId: idOf(params.arbeitszirkel),
    phases: listOf(PHASES, params.phase),
    healths: listOf(HEALTHS, params.status),
    kinds: listOf(KINDS, params.art),
    cityId: idOf(params.kommune),
    isEfa: params.efa === 'ja' ? true : params.efa === 'nein' ? false : null,
    search: (params.suche ?? '').trim(),
    sort: keyOf(SORT_KEYS, params.sortierung) ?? DEFAULT_STATE.sort,
    direction: keyOf(DIRECTIONS, params.richtung) ?? DEFAULT_STATE.direction,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_STATE.pageSize,
    trail,
  };
}

/**
 * The query parameters of a state. Every parameter of the list is named, those at their default as
 * null, so that merging them into the URL removes what no longer applies and keeps foreign ones.
 */
export function listParams(state: ProjectListState): Record<keyof ProjectListParams, string | null> {
  const list = (values: readonly string[]) => (values.length > 0 ? values.join(',') : null);
  return {
    kooperation: state.cooperationId,
    arbeitszirkel: state.workingGroupId,
    phase: list(state.phases),
    status: list(state.healths),
    art: list(state.kinds),
    kommune: state.cityId,
    efa: state.isEfa === null ? null : state.isEfa ? 'ja' : 'nein',
    suche: state.search || null,
    sortierung: state.sort === DEFAULT_STATE.sort ? null : SORT_KEYS[state.sort],
    richtung: state.direction === DEFAULT_STATE.direction ? null : DIRECTIONS[state.direction],
    anzahl: state.pageSize === DEFAULT_STATE.pageSize ? null : String(state.pageSize),
    nach: list(state.trail),
  };
}

/** The variables of the projects query for a state. */
export function listVariables(state: ProjectListState): ProjectListPageQueryVariables {
  const filter = {
    ...(state.cooperationId ? { cooperationId: state.cooperationId } : {}),
    ...(state.workingGroupId ? { workingGroupId: state.workingGroupId } : {}),
    ...(state.phases.length > 0 ? { phases: [...state.phases] } : {}),
    ...(state.healths.length > 0 ? { healths: [...state.healths] } : {}),
    ...(state.kinds.length > 0 ? { kinds: [...state.kinds] } : {}),
    ...(state.cityId ? { cityId: state.cityId } : {}),
    ...(state.isEfa === null ? {} : { isEfa: state.isEfa }),
    ...(state.search ? { search: state.search } : {}),
  };
  return {
    filter,
    first: state.pageSize,
    after: state.trail.at(-1) ?? null,
    orderBy: { field: state.sort, direction: state.direction },
  };
}

/** A new filter, sort or page size starts again at the first page. */
export function changed(state: ProjectListState, changes: Partial<ProjectListState>): ProjectListState {
  return { ...state, trail: [], ...changes };
}

/** How many filters narrow the list (sort and page are not filters). */
export function activeFilterCount(state: ProjectListState): number {
  return [
    state.cooperationId,
    state.workingGroupId,
    state.phases.length > 0,
    state.healths.length > 0,
    state.kinds.length > 0,
    state.cityId,
    state.isEfa !== null,
    state.search,
  ].filter(Boolean).length;
}

/** Clicking a column header sorts by it; clicking the sorted column again turns the direction. */
export function sortedBy(state: ProjectListState, field: ProjectSortField): ProjectListState {
  const direction: SortDirection =
    state.sort === field
      ? state.direction === 'ASC'
        ? 'DESC'
        : 'ASC'
      : field === 'UPDATED_AT'
        ? 'DESC'
        : 'ASC';
  return changed(state, { sort: field, direction });
}
