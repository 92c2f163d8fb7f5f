import {
  AdoptionStage as DomainStage,
  CELL_CODE_LENGTH,
  type CellSummary,
  decodeCell,
  visibleMatrix,
  STAGE_CODES,
  withCellCode,
} from '@koop/domain';
import type {
  AdoptionMatrixCellFragment,
  AdoptionMatrixViewQuery,
  AdoptionStage,
} from '../../graphql/generated/graphql';

export type MatrixData = AdoptionMatrixViewQuery['adoptionMatrix'];
export type MatrixCity = MatrixData['cities'][number];
export type MatrixService = MatrixData['projects'][number];
/** One cell in full, as the editor loads and saves it. */
export type MatrixAdoption = AdoptionMatrixCellFragment;

/** What a cell of the grid shows: stage and maturity. */
export interface MatrixCellState {
  readonly stage: AdoptionStage;
  readonly maturityModel: string;
  readonly maturityLevel: number | null;
}

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
  readonly adoption: MatrixCellState | null;
  /** False when a stage filter hides the cell's content. */
  readonly matches: boolean;
}

export interface ShapedMatrix {
  readonly cities: readonly MatrixCity[];
  readonly services: readonly MatrixService[];
  /**
   * The cell of the visible city at `row` and the visible service at `col` (both from 0). Built on demand:
   * a grid of 100 × 600 asks only for the cells it draws.
   */
  cellAt(row: number, col: number): MatrixCellView;
  /** Live adoptions per visible city, among the visible services. */
  readonly cityTotals: readonly number[];
  /** Live adoptions per visible service, among the visible cities. */
  readonly serviceTotals: readonly number[];
  readonly total: number;
  /** How many cities and services the filters hide. */
  readonly hiddenCities: number;
  readonly hiddenServices: number;
}

const STAGE_CODE_POINTS = Object.fromEntries(
  Object.entries(STAGE_CODES).map(([stage, code]) => [stage, code.charCodeAt(0)]),
) as Record<DomainStage, number>;

const state = (cell: CellSummary | null): MatrixCellState | null =>
  cell && {
    stage: cell.stage as AdoptionStage,
    maturityModel: cell.maturityModel,
    maturityLevel: cell.maturityLevel,
  };

/**
 * Lays the cooperation's adoptions out as a grid. A topic filter keeps the services of that topic; a
 * stage filter keeps the cities and services that have a cell at that stage and blanks the other cells.
 * Totals count live adoptions of what stays visible, so that they always add up on screen. Works on the
 * rows of codes: at 100 × 600 nothing is built per cell but the cells on screen.
 */
export function shapeMatrix(data: MatrixData, filters: MatrixFilters): ShapedMatrix {
  const codesOf = new Map(data.rows.map((row) => [row.cityId, row.codes]));
  const allRows = data.cities.map((city) => ({ city, codes: codesOf.get(city.id) ?? '' }));
  const allColumns = data.projects.map((service, column) => ({
    service,
    column,
    at: column * CELL_CODE_LENGTH,
  }));
  const wanted = filters.stage;
  // The rule is the export's too (libs/domain). It reads the stage's character straight from the codes: it
  // runs over every cell (60,000 at 100 × 600) on each filter change.
  const visible = visibleMatrix(
    allRows.length,
    data.projects.map((service) => service.ozgTopic),
    (row, column, stage) => allRows[row].codes.charCodeAt(allColumns[column].at) === STAGE_CODE_POINTS[stage],
    { topic: filters.topic, stage: wanted as DomainStage | null },
  );
  const rows = visible.rows.map((row) => allRows[row]);
  const columns = visible.columns.map((column) => allColumns[column]);

  const live = STAGE_CODES[DomainStage.LIVE].charCodeAt(0);
  const cityTotals = new Array<number>(rows.length).fill(0);
  const serviceTotals = new Array<number>(columns.length).fill(0);
  for (let row = 0; row < rows.length; row++) {
    const codes = rows[row].codes;
    for (let col = 0; col < columns.length; col++) {
      if (codes.charCodeAt(columns[col].at) === live) {
        cityTotals[row] += 1;
        serviceTotals[col] += 1;
      }
    }
  }
  return {
    cities: rows.map((row) => row.city),
    services: columns.map((column) => column.service),
    cellAt(row: number, col: number): MatrixCellView {
      const { city, codes } = rows[row];
      const { service, column } = columns[col];
      const adoption = state(decodeCell(codes, column));
      return { city, service, adoption, matches: wanted === null || adoption?.stage === wanted };
    },
    cityTotals,
    serviceTotals,
    total: cityTotals.reduce((sum, count) => sum + count, 0),
    hiddenCities: data.cities.length - rows.length,
    hiddenServices: data.projects.length - columns.length,
  };
}

/** The topic areas that the cooperation's services belong to, for the topic filter. */
export function topicsInUse(data: MatrixData): string[] {
  return [...new Set(data.projects.map((p) => p.ozgTopic).filter((t): t is string => !!t))];
}

/** The matrix with one adoption put in (or replaced), as the server now holds it. */
export function withAdoption(data: MatrixData, adoption: MatrixAdoption): MatrixData {
  const column = data.projects.findIndex((project) => project.id === adoption.projectId);
  if (column < 0) return data;
  const cell = {
    stage: adoption.stage,
    maturityModel: adoption.maturityModel,
    maturityLevel: adoption.maturityLevel,
  } as CellSummary;
  return {
    ...data,
    rows: data.rows.map((row) =>
      row.cityId === adoption.cityId ? { ...row, codes: withCellCode(row.codes, column, cell) } : row,
    ),
  };
}
