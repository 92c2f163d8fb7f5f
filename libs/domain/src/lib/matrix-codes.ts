import { AdoptionStage } from './enums.js';
import { MATURITY_MODELS, type MaturityModel } from './rules.js';

/*
 * The adoption matrix sends each city's row as one string of three characters per service (stage,
 * maturity level, maturity model), so that a grid of 100 × 600 cells travels as 100 short strings
 * instead of 60,000 objects. The API encodes, the dashboard decodes; both use these tables.
 */

/** Characters per cell in a row of codes. */
export const CELL_CODE_LENGTH = 3;

/** The code of a cell whose city has no record for the service. */
export const NO_RECORD_CODE = '---';

/** One character per stage. */
export const STAGE_CODES: Readonly<Record<AdoptionStage, string>> = {
  [AdoptionStage.NOT_PLANNED]: 'N',
  [AdoptionStage.EVALUATING]: 'E',
  [AdoptionStage.PLANNED]: 'P',
  [AdoptionStage.IN_ROLLOUT]: 'R',
  [AdoptionStage.LIVE]: 'L',
  [AdoptionStage.DISCONTINUED]: 'D',
};

/** One character per maturity model. */
export const MODEL_CODES: Readonly<Record<MaturityModel, string>> = { '1.1': '1', '2.0': '2' };

/** The character of "no maturity level given". */
export const NO_LEVEL_CODE = '-';

/** What a cell of the matrix shows: stage and maturity. */
export interface CellSummary {
  readonly stage: AdoptionStage;
  readonly maturityModel: string;
  readonly maturityLevel: number | null;
}

const STAGE_OF = new Map(Object.entries(STAGE_CODES).map(([stage, code]) => [code, stage as AdoptionStage]));
const MODEL_OF = new Map(Object.entries(MODEL_CODES).map(([model, code]) => [code, model]));

/** The three characters of a cell; NO_RECORD_CODE for none. Throws for values the rules do not allow. */
export function encodeCell(cell: CellSummary | null): string {
  if (!cell) return NO_RECORD_CODE;
  const stage = STAGE_CODES[cell.stage];
  const model = MODEL_CODES[cell.maturityModel as MaturityModel];
  const level = cell.maturityLevel;
  const maxLevel = MATURITY_MODELS[cell.maturityModel as MaturityModel];
  if (!stage || !model || (level !== null && !(Number.isInteger(level) && level >= 0 && level <= maxLevel))) {
    throw new Error(
      `An adoption with stage ${cell.stage}, model ${cell.maturityModel}, level ${level} has no cell code.`,
    );
  }
  return `${stage}${level === null ? NO_LEVEL_CODE : String(level)}${model}`;
}

const STAGE_BYTES = new Map(Object.entries(STAGE_CODES).map(([stage, code]) => [stage, code.charCodeAt(0)]));
const MODEL_BYTES = new Map(Object.entries(MODEL_CODES).map(([model, code]) => [model, code.charCodeAt(0)]));
const STAGE_BYTE_KNOWN = new Set(STAGE_BYTES.values());
const DIGIT_ZERO = '0'.charCodeAt(0);
const NO_LEVEL_BYTE = NO_LEVEL_CODE.charCodeAt(0);

/** The highest maturity level of each model, by the byte of the model's code. */
const MAX_LEVEL_OF_MODEL_BYTE = new Map(
  Object.entries(MODEL_CODES).map(([model, code]) => [
    code.charCodeAt(0),
    MATURITY_MODELS[model as MaturityModel],
  ]),
);

/**
 * Writes the code of `cell` as three bytes (Latin-1) into `target` at `offset`: what encodeCell returns,
 * without a string per cell, for rows of many cells. Throws as encodeCell does.
 */
export function writeCellCode(target: Uint8Array, offset: number, cell: CellSummary): void {
  const stage = STAGE_BYTES.get(cell.stage);
  const model = MODEL_BYTES.get(cell.maturityModel);
  if (
    stage === undefined ||
    model === undefined ||
    !writeCellBytes(target, offset, stage, model, cell.maturityLevel)
  ) {
    encodeCell(cell);
  }
}

/**
 * The same for a cell given as the bytes of its stage's and its model's codes (as SQL can select them, see
 * STAGE_CODES and MODEL_CODES) and its level, null for none. False, writing nothing, for a combination the
 * rules do not allow (an unknown code, a level beyond the model's).
 */
export function writeCellBytes(
  target: Uint8Array,
  offset: number,
  stage: number,
  model: number,
  level: number | null,
): boolean {
  const maxLevel = MAX_LEVEL_OF_MODEL_BYTE.get(model);
  if (
    !STAGE_BYTE_KNOWN.has(stage) ||
    maxLevel === undefined ||
    (level !== null && !(Number.isInteger(level) && level >= 0 && level <= maxLevel))
  ) {
    return false;
  }
  target[offset] = stage;
  target[offset + 1] = level === null ? NO_LEVEL_BYTE : DIGIT_ZERO + level;
  target[offset + 2] = model;
  return true;
}

/** The cell at `column` of a row of codes; null where the city has no record (or the code is unknown). */
export function decodeCell(codes: string, column: number): CellSummary | null {
  const at = column * CELL_CODE_LENGTH;
  const stage = STAGE_OF.get(codes.charAt(at));
  const maturityModel = MODEL_OF.get(codes.charAt(at + 2));
  if (!stage || !maturityModel) return null;
  const level = codes.charAt(at + 1);
  return { stage, maturityModel, maturityLevel: level === NO_LEVEL_CODE ? null : Number(level) };
}

/** The stage at `column` of a row of codes, without building the whole cell; null for no record. */
export function stageAt(codes: string, column: number): AdoptionStage | null {
  return STAGE_OF.get(codes.charAt(column * CELL_CODE_LENGTH)) ?? null;
}

/** The row with the cell at `column` replaced. */
export function withCellCode(codes: string, column: number, cell: CellSummary | null): string {
  const at = column * CELL_CODE_LENGTH;
  return codes.slice(0, at) + encodeCell(cell) + codes.slice(at + CELL_CODE_LENGTH);
}

/** The adoption matrix's filters: a topic area keeps its services, a stage the rows and columns having it. */
export interface MatrixFilters {
  /** Key of an OZG topic area; null for all. */
  readonly topic: string | null;
  /** Only cells at this stage count; null for all. */
  readonly stage: AdoptionStage | null;
}

/**
 * Which rows (cities) and columns (services) of the matrix its filters show, by index, in their order. A topic
 * keeps the services of that topic; a stage keeps the cities and services that have a cell at that stage among
 * what else stays (the same cells decide both). The view and the export use this one rule.
 */
export function visibleMatrix(
  rowCount: number,
  columnTopics: readonly (string | null | undefined)[],
  hasStage: (row: number, column: number, stage: AdoptionStage) => boolean,
  filters: MatrixFilters,
): { rows: number[]; columns: number[] } {
  let rows = Array.from({ length: rowCount }, (_, row) => row);
  let columns = columnTopics
    .map((topic, column) => ({ topic, column }))
    .filter(({ topic }) => filters.topic === null || topic === filters.topic)
    .map(({ column }) => column);
  const stage = filters.stage;
  if (stage !== null) {
    const rowHas = rows.map((row) => columns.some((column) => hasStage(row, column, stage)));
    const columnHas = columns.map((column) => rows.some((row) => hasStage(row, column, stage)));
    rows = rows.filter((_, index) => rowHas[index]);
    columns = columns.filter((_, index) => columnHas[index]);
  }
  return { rows, columns };
}

/**
 * The annual report shows the matrix cell by cell up to this many cells; a larger one (the statewide
 * cooperation's 1.2 million) as how many member cities each service has at each stage.
 */
export const REPORT_MATRIX_MAX_CELLS = 20_000;

/** How many cities have a service at each stage, and how many have no record for it. */
export interface StageTally {
  readonly stages: Record<AdoptionStage, number>;
  noRecord: number;
}

/** One empty tally for each of `columns` services. */
export function stageTallies(columns: number): StageTally[] {
  return Array.from({ length: columns }, () => ({
    stages: Object.fromEntries(Object.keys(STAGE_CODES).map((stage) => [stage, 0])) as Record<
      AdoptionStage,
      number
    >,
    noRecord: 0,
  }));
}

/** Counts one row of codes (a city) into the tallies of its services, column by column. */
export function countStages(tallies: StageTally[], codes: string): void {
  tallies.forEach((tally, column) => {
    const stage = STAGE_OF.get(codes.charAt(column * CELL_CODE_LENGTH));
    if (stage) tally.stages[stage] += 1;
    else tally.noRecord += 1;
  });
}
