import type {
  AdoptionMatrixCellFragment,
  AdoptionMatrixViewQuery,
  AdoptionStage,
} from '../../graphql/generated/graphql';

export type MatrixData = AdoptionMatrixViewQuery['adoptionMatrix'];
export type MatrixCity = MatrixData['cities'][number];
export type MatrixService = MatrixData['projects'][number];
export type MatrixAdoption = AdoptionMatrixCellFragment;

/** The stages in their order, for selects and the legend. */
export const STAGES: readonly AdoptionStage[] = [
  'NOT_PLANNED',
  'EVALUATING',
  'PLANNED',
  'IN_ROLLOUT',
  'LIVE',
  'DISCONTINUED',
];

export function isStage(value: string | null | undefined): value is AdoptionStage {
  return STAGES.includes(value as AdoptionStage);
}

export interface MatrixFilters {
  /** Key of an OZG topic area; null for all. */
  readonly topic: string | null;
  /** Only cells at this stage are shown; null for all. */
  readonly stage: AdoptionStage | null;
}

export interface MatrixCellView {
  readonly city: MatrixCity;
  readonly service: MatrixService;
  /** The city's record for the service; null when it has none. */
  readonly adoption: MatrixAdoption | null;
  /** False when a stage filter hides the cell's content. */
  readonly matches: boolean;
}

export interface ShapedMatrix {
  readonly cities: readonly MatrixCity[];
  readonly services: readonly MatrixService[];
  /** cells[row][column], one per visible city and service. */
  readonly cells: readonly (readonly MatrixCellView[])[];
  /** Live adoptions per visible city, among the visible services. */
  readonly cityTotals: readonly number[];
  /** Live adoptions per visible service, among the visible cities. */
  readonly serviceTotals: readonly number[];
  readonly total: number;
  /** How many cities and services the filters hide. */
  readonly hiddenCities: number;
  readonly hiddenServices: number;
}

export function cellKey(cityId: string, projectId: string): string {
  return `${cityId}:${projectId}`;
}

/**
 * Lays the cooperation's adoptions out as a grid. A topic filter keeps the services of that topic; a
 * stage filter keeps the cities and services that have a cell at that stage and blanks the other cells.
 * Totals count live adoptions of what stays visible, so that they always add up on screen.
 */
export function shapeMatrix(data: MatrixData, filters: MatrixFilters): ShapedMatrix {
  const byKey = new Map(data.cells.map((cell) => [cellKey(cell.city.id, cell.project.id), cell]));
  const adoptionOf = (city: MatrixCity, service: MatrixService) =>
    byKey.get(cellKey(city.id, service.id)) ?? null;
  const matches = (adoption: MatrixAdoption | null) =>
    filters.stage === null || adoption?.stage === filters.stage;

  let services = data.projects.filter((p) => filters.topic === null || p.ozgTopic === filters.topic);
  let cities = data.cities;
  if (filters.stage !== null) {
    cities = cities.filter((city) => services.some((service) => matches(adoptionOf(city, service))));
    services = services.filter((service) => cities.some((city) => matches(adoptionOf(city, service))));
  }

  const cells = cities.map((city) =>
    services.map((service) => {
      const adoption = adoptionOf(city, service);
      return { city, service, adoption, matches: matches(adoption) };
    }),
  );
  const isLive = (cell: MatrixCellView) => cell.adoption?.stage === 'LIVE';
  const cityTotals = cells.map((row) => row.filter(isLive).length);
  const serviceTotals = services.map((_, column) => cells.filter((row) => isLive(row[column])).length);
  return {
    cities,
    services,
    cells,
    cityTotals,
    serviceTotals,
    total: cityTotals.reduce((sum, count) => sum + count, 0),
    hiddenCities: data.cities.length - cities.length,
    hiddenServices: data.projects.length - services.length,
  };
}

/** The topic areas that the cooperation's services belong to, for the topic filter. */
export function topicsInUse(data: MatrixData): string[] {
  return [...new Set(data.projects.map((p) => p.ozgTopic).filter((t): t is string => !!t))];
}

/** The matrix with one adoption put in (or replaced), as the server now holds it. */
export function withAdoption(data: MatrixData, adoption: MatrixAdoption): MatrixData {
  const key = cellKey(adoption.city.id, adoption.project.id);
  const others = data.cells.filter((cell) => cellKey(cell.city.id, cell.project.id) !== key);
  return { ...data, cells: [...others, adoption] };
}
