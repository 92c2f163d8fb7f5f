import {
  ADOPTION_SOURCE_ALIASES,
  ADOPTION_STAGE_ALIASES,
  AdoptionSource,
  AdoptionStage,
  AGS_PATTERN,
  IMPORT_COLUMNS,
  importColumnOf,
  LEIKA_PATTERN,
  type ImportError,
  type ImportKind,
  type ImportResult,
} from '@koop/domain';
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  ADOPTION_STATE,
  Adoption,
  AdoptionChange,
  RecordAdoptionInput,
  adoptionProblems,
  adoptionValues,
  historyOf,
  mayRecordAdoption,
} from '../adoptions/index.js';
import type { Actor } from '../auth/index.js';
import { City } from '../cities/index.js';
import { notFound, parseId } from '../common/index.js';
import { Cooperation } from '../cooperations/index.js';
import { Writes, insertRows, type BatchCounts, type PlannedChange } from '../database/index.js';
import {
  restoreLiveAdoptions,
  restoreSatisfaction,
  withdrawLiveAdoptions,
  withdrawSatisfaction,
  type BatchScope,
} from '../figures/index.js';
import { Project } from '../projects/index.js';
import { REUSING_SOURCES, unlinkReusesOfOwnWork } from '../solutions/index.js';
import {
  RecordSatisfactionInput,
  SATISFACTION_FIGURES,
  Satisfaction,
  mayRecordSatisfaction,
  satisfactionProblems,
  satisfactionValues,
} from '../satisfaction/index.js';
import { FieldwiseValidator } from './fieldwise-validator.js';
import { readImportFile, UnreadableFile, type Cell, type Sheet } from './import-file.js';
import { dateOf, digitKeyOf, enumOf, maturityModelOf, monthOf, numberOf, textOf } from './import-values.js';

/** What to import: the file and where it goes. */
export interface ImportRequest {
  readonly kind: ImportKind;
  readonly cooperationId: string;
  readonly content: Buffer;
  /** The file's name, when known: an old .xls is told apart by it. */
  readonly fileName?: string;
  readonly dryRun: boolean;
}

/** The input fields of each kind and the documented columns that carry them. */
const FIELD_COLUMNS: Record<ImportKind, Record<string, string>> = {
  satisfaction: {
    month: 'month',
    ratingsCount: 'ratings_count',
    averageRating: 'average_rating',
    nps: 'nps',
    transactionsStarted: 'transactions_started',
    transactionsCompleted: 'transactions_completed',
    visits: 'visits',
  },
  adoptions: {
    stage: 'stage',
    maturityModel: 'maturity_model',
    maturityLevel: 'maturity_level',
    liveSince: 'live_since',
    source: 'source',
    notes: 'notes',
  },
};

/** A row of the file that passed every check: the stored row it becomes. */
type CheckedRow<Row> = Partial<Row>;

/** One data row's cells by documented column name. */
type RowCells = (column: string) => Cell;

/**
 * Imports adoption rows and monthly satisfaction figures (PRODUCT.md §5.2) with the rules, the authorization
 * and the write path of recordAdoption and recordSatisfaction: every row is checked first, every problem is
 * reported with its row and column, and only a file without any is written — in one transaction, through
 * `Writes.upsertMany`, which leaves rows that are the same alone.
 */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: Writes,
  ) {}

  async import(actor: Actor, request: ImportRequest): Promise<ImportResult> {
    const cooperationId = parseId('Cooperation', request.cooperationId, 'cooperationId');
    if (!(await this.dataSource.manager.existsBy(Cooperation, { id: cooperationId }))) {
      throw notFound('Cooperation', request.cooperationId, 'cooperationId');
    }
    const answer = (rows: number, errors: readonly ImportError[], counts?: BatchCounts): ImportResult => ({
      dryRun: request.dryRun,
      rows,
      created: counts?.created ?? 0,
      changed: counts?.changed ?? 0,
      unchanged: counts?.unchanged ?? 0,
      errors,
    });
    let sheet: Sheet;
    try {
      sheet = await readImportFile(request.content, request.fileName);
    } catch (error) {
      if (error instanceof UnreadableFile) {
        return answer(0, error.errors);
      }
      throw error;
    }
    const columns = this.columnsOf(request.kind, sheet);
    if ('errors' in columns) {
      return answer(sheet.rows.length, columns.errors);
    }
    const errors: ImportError[] = [];
    const context = await this.context(request.kind, cooperationId, sheet, columns.index);
    const now = new Date();
    // What the batch's audit entry tells of the file: which file it was, exactly (its hash), and its size.
    const summary = {
      fileName: request.fileName ?? null,
      sha256: createHash('sha256').update(request.content).digest('hex'),
      bytes: request.content.length,
      rows: sheet.rows.length,
    };
    if (request.kind === 'satisfaction') {
      const checked = this.checkSatisfaction(actor, sheet, columns, context, now, errors);
      if (errors.length > 0) return answer(sheet.rows.length, sortErrors(errors));
      const counts = await this.writeSatisfaction(actor, cooperationId, checked, request.dryRun, summary);
      return answer(sheet.rows.length, [], counts);
    }
    const checked = this.checkAdoptions(actor, sheet, columns, context, now, errors);
    if (errors.length > 0) return answer(sheet.rows.length, sortErrors(errors));
    const counts = await this.writeAdoptions(actor, cooperationId, checked, request.dryRun, now, summary);
    return answer(sheet.rows.length, [], counts);
  }

  /** Which cell holds which documented column; the header's problems when it names them wrongly. */
  private columnsOf(
    kind: ImportKind,
    sheet: Sheet,
  ): { index: Map<string, number>; headers: Map<string, string> } | { errors: ImportError[] } {
    const index = new Map<string, number>();
    const headers = new Map<string, string>();
    const errors: ImportError[] = [];
    const names = IMPORT_COLUMNS[kind].map((column) => column.name).join(', ');
    sheet.header.forEach((header, position) => {
      if (header.trim() === '') {
        if (sheet.rows.some((row) => (row.cells[position] ?? null) !== null)) {
          errors.push({ row: 1, column: `#${position + 1}`, message: 'This column has values but no name.' });
        }
        return;
      }
      const column = importColumnOf(kind, header);
      if (!column) {
        errors.push({
          row: 1,
          column: header,
          message: `Unknown column. The columns of a ${kind} import are ${names} (or their German names).`,
        });
      } else if (index.has(column.name)) {
        errors.push({
          row: 1,
          column: header,
          message: `Names the column ${column.name} a second time (first as "${headers.get(column.name)}").`,
        });
      } else {
        index.set(column.name, position);
        headers.set(column.name, header);
      }
    });
    for (const column of IMPORT_COLUMNS[kind]) {
      if (column.required && !index.has(column.name)) {
        errors.push({ row: 1, column: column.name, message: 'This column is required and missing.' });
      }
    }
    return errors.length > 0 ? { errors } : { index, headers };
  }

  /** The cities of the file's AGS and the cooperation's services by LeiKa key, in two statements. */
  private async context(kind: ImportKind, cooperationId: number, sheet: Sheet, index: Map<string, number>) {
    const agsColumn = index.get('ags') ?? -1;
    // Each distinct cell read once: a file names a few hundred cities in up to 100,000 rows.
    const cells = new Set(
      sheet.rows.map((row) => (row.cellAt ? row.cellAt(agsColumn) : (row.cells[agsColumn] ?? null))),
    );
    const keys = [
      ...new Set(
        [...cells]
          .map((cell) => digitKeyOf(cell, 8))
          .filter((ags): ags is string => ags !== null && AGS_PATTERN.test(ags)),
      ),
    ];
    const cities = new Map<string, City>();
    const manager = this.dataSource.manager;
    // Chunks keep the statement under SQLite's limit of bound parameters.
    for (let start = 0; start < keys.length; start += 10_000) {
      for (const city of await manager.findBy(City, { ags: In(keys.slice(start, start + 10_000)) })) {
        cities.set(city.ags, city);
      }
    }
    const projects = await manager
      .createQueryBuilder(Project, 'p')
      .select(['p.id', 'p.leikaKey', 'p.title'])
      .innerJoin('p.workingGroup', 'wg')
      .where('wg.cooperationId = :cooperationId', { cooperationId })
      .andWhere('p.leikaKey IS NOT NULL')
      .getMany();
    const services = new Map<string, Project[]>();
    for (const project of projects) {
      const key = project.leikaKey as string;
      services.set(key, [...(services.get(key) ?? []), project]);
    }
    return { kind, cities, services };
  }

  /**
   * The city and service of a row, or its problems: the AGS and LeiKa key must name a city and one of the
   * cooperation's services, and the actor must be allowed to write the city's rows.
   */
  private target(
    cells: RowCells,
    context: Awaited<ReturnType<ImportsService['context']>>,
    permission: (cityId: number) => true | string,
    report: (column: string, message: string) => void,
  ): { city: City; project: Project } | null {
    const ags = digitKeyOf(cells('ags'), 8);
    const leika = digitKeyOf(cells('leika'), 14);
    let city: City | undefined;
    let project: Project | undefined;
    if (ags === null) {
      report('ags', 'is required.');
    } else if (!AGS_PATTERN.test(ags)) {
      report('ags', `must be an AGS of 8 digits, not "${ags}".`);
    } else {
      city = context.cities.get(ags);
      if (!city) report('ags', `No city has the AGS ${ags}.`);
    }
    if (leika === null) {
      report('leika', 'is required.');
    } else if (!LEIKA_PATTERN.test(leika)) {
      report('leika', `must be a LeiKa key of 14 digits, not "${leika}".`);
    } else {
      const found = context.services.get(leika) ?? [];
      if (found.length === 0) {
        report('leika', `No service of this cooperation has the LeiKa key ${leika}.`);
      } else if (found.length > 1) {
        report(
          'leika',
          `Several services of this cooperation have the LeiKa key ${leika} (${found.map((p) => p.title).join(', ')}); record these rows in the dashboard.`,
        );
      } else {
        project = found[0];
      }
    }
    if (city) {
      const allowed = permission(city.id);
      if (allowed !== true) {
        report('ags', allowed);
        return null;
      }
    }
    return city && project ? { city, project } : null;
  }

  /**
   * The satisfaction rows, each checked as recordSatisfaction checks its input. A file repeats few distinct
   * values (a city's AGS, a service's key, a month, a count): each is read, looked up, validated and
   * authorized once, and a row only puts the verdicts of its cells together — the same messages as checking
   * every row on its own, at a fraction of the cost for 100,000 rows.
   */
  private checkSatisfaction(
    actor: Actor,
    sheet: Sheet,
    columns: { index: Map<string, number>; headers: Map<string, string> },
    context: Awaited<ReturnType<ImportsService['context']>>,
    now: Date,
    errors: ImportError[],
  ): CheckedRow<Satisfaction>[] {
    const checked: CheckedRow<Satisfaction>[] = [];
    const validator = new FieldwiseValidator(RecordSatisfactionInput, VALID_SATISFACTION);
    const targets = new TargetCache((cells, report) =>
      this.target(cells, context, (cityId) => mayRecordSatisfaction(actor, cityId), report),
    );
    const numbers = new Map<Cell, number | string | null>();
    const num = (cell: Cell) => {
      // Most cells are whole numbers of a few digits: read at once, without the text rules or a lookup.
      if (typeof cell === 'string' && cell.length < 10 && WHOLE.test(cell)) return Number(cell);
      let value = numbers.get(cell);
      if (value === undefined) {
        value = numberOf(cell, sheet.german);
        numbers.set(cell, value);
      }
      return value;
    };
    const months = new Map<Cell, string | null>();
    const position = (column: string) => columns.index.get(column) ?? -1;
    const at = {
      ags: position('ags'),
      leika: position('leika'),
      month: position('month'),
      ratingsCount: position('ratings_count'),
      averageRating: position('average_rating'),
      nps: position('nps'),
      transactionsStarted: position('transactions_started'),
      transactionsCompleted: position('transactions_completed'),
      visits: position('visits'),
    };
    const width = sheet.header.length;
    const fields = SATISFACTION_FIELDS.map((field) => [field, at[field]] as const);
    // The first row of each service, city and month, by numbers: no key text for each of 100,000 rows.
    const firstRowOf = new Map<number, Map<number, Map<string, number>>>();
    let row = 0;
    let cells: readonly Cell[] = [];
    const cell = (index: number): Cell => (index < 0 ? null : (cells[index] ?? null));
    let report: ((column: string, message: string) => void) | null = null;
    const problem = (column: string, message: string) => {
      report ??= reporter(errors, row, columns.headers);
      report(column, message);
    };
    for (const sheetRow of sheet.rows) {
      row = sheetRow.row;
      cells = sheetRow.cells;
      report = null;
      for (let index = width; index < cells.length; index += 1) {
        if ((cells[index] ?? null) !== null) {
          problem(`#${index + 1}`, 'This cell lies beyond the last named column.');
        }
      }
      const target = targets.of(cell(at.ags), cell(at.leika), problem);
      const monthCell = cell(at.month);
      let month = months.get(monthCell);
      if (month === undefined) {
        month = monthOf(monthCell);
        months.set(monthCell, month);
      }
      const input = validator.start();
      let problems = validator.take(input, 'projectId', target ? VALID_SATISFACTION.projectId : '0', null);
      problems = validator.take(input, 'cityId', target ? VALID_SATISFACTION.cityId : '0', problems);
      problems = validator.take(input, 'month', month, problems);
      for (const [field, index] of fields) {
        problems = validator.take(input, field, num(cell(index)), problems);
      }
      if (problems === null) {
        const ruled = satisfactionProblems(input, now);
        if (ruled.length > 0) problems = ruled;
      }
      if (problems !== null) {
        for (const { field, message } of problems) {
          problem(FIELD_COLUMNS.satisfaction[field] ?? field, message);
        }
        continue;
      }
      if (!target) continue;
      let ofProject = firstRowOf.get(target.project.id);
      if (!ofProject) firstRowOf.set(target.project.id, (ofProject = new Map()));
      let ofCity = ofProject.get(target.city.id);
      if (!ofCity) ofProject.set(target.city.id, (ofCity = new Map()));
      const first = ofCity.get(input.month);
      if (first !== undefined) {
        problem('month', `Repeats row ${first}: the same service, city and month.`);
        continue;
      }
      ofCity.set(input.month, row);
      checked.push(satisfactionValues(input, target.project.id, target.city.id, now));
    }
    return checked;
  }

  private checkAdoptions(
    actor: Actor,
    sheet: Sheet,
    columns: { index: Map<string, number>; headers: Map<string, string> },
    context: Awaited<ReturnType<ImportsService['context']>>,
    now: Date,
    errors: ImportError[],
  ): CheckedRow<Adoption>[] {
    const checked: CheckedRow<Adoption>[] = [];
    const validator = new FieldwiseValidator(RecordAdoptionInput, VALID_ADOPTION);
    const firstRowOf = new Map<string, number>();
    for (const { row, cells: rowCells } of sheet.rows) {
      const report = reporter(errors, row, columns.headers);
      const cells = cellsOf(rowCells, columns.index, sheet.header.length, report);
      const num = (cell: Cell) => numberOf(cell, sheet.german);
      const target = this.target(cells, context, (cityId) => mayRecordAdoption(actor, cityId), report);
      const level = num(cells('maturity_level'));
      const { input, problems: fieldProblems } = validator.check({
        projectId: String(target?.project.id ?? 0),
        cityId: String(target?.city.id ?? 0),
        stage: enumOf(cells('stage'), AdoptionStage, ADOPTION_STAGE_ALIASES),
        maturityModel: maturityModelOf(cells('maturity_model')),
        maturityLevel: level,
        liveSince: dateOf(cells('live_since')),
        source: enumOf(cells('source'), AdoptionSource, ADOPTION_SOURCE_ALIASES),
        notes: textOf(cells('notes')),
      });
      const problems = fieldProblems.length > 0 ? fieldProblems : adoptionProblems(input, now);
      for (const problem of problems) {
        report(FIELD_COLUMNS.adoptions[problem.field] ?? problem.field, problem.message);
      }
      if (!target || problems.length > 0) continue;
      const key = `${target.project.id}:${target.city.id}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        report('leika', `Repeats row ${first}: the same service and city.`);
        continue;
      }
      firstRowOf.set(key, row);
      checked.push(adoptionValues(input, target.project.id, target.city.id, now));
    }
    return checked;
  }

  private writeSatisfaction(
    actor: Actor,
    cooperationId: number,
    rows: readonly CheckedRow<Satisfaction>[],
    dryRun: boolean,
    summary: Readonly<Record<string, unknown>>,
  ): Promise<BatchCounts> {
    let scope: BatchScope | null = null;
    return this.writes.upsertMany(actor, {
      operation: 'importSatisfaction',
      entity: Satisfaction,
      label: 'satisfaction figures',
      key: ['projectId', 'cityId', 'month'],
      compared: SATISFACTION_FIGURES,
      rows,
      authorize: perCity((values, actor) => mayRecordSatisfaction(actor, values.cityId ?? 0)),
      dryRun,
      summary,
      auditKey: 'month',
      beforeWrite: async (changes, manager) => {
        scope = batchScope(cooperationId, changes, true);
        await withdrawSatisfaction(manager, scope);
      },
      afterWrite: async (manager) => {
        if (scope) await restoreSatisfaction(manager, scope);
      },
    });
  }

  private writeAdoptions(
    actor: Actor,
    cooperationId: number,
    rows: readonly CheckedRow<Adoption>[],
    dryRun: boolean,
    now: Date,
    summary: Readonly<Record<string, unknown>>,
  ): Promise<BatchCounts> {
    let scope: BatchScope | null = null;
    // Adoptions that took a solution over and no longer do: their reuses are unlinked in the same transaction.
    let noLongerReusing: Adoption[] = [];
    return this.writes.inOneTransaction(async (unit) => {
      const counts = await unit.upsertMany(actor, {
        operation: 'importAdoptions',
        entity: Adoption,
        key: ['projectId', 'cityId'],
        compared: ADOPTION_STATE,
        rows,
        authorize: perCity((values, actor) => mayRecordAdoption(actor, values.cityId ?? 0)),
        dryRun,
        summary,
        beforeWrite: async (changes, manager) => {
          scope = batchScope(cooperationId, changes, false);
          await withdrawLiveAdoptions(manager, scope);
        },
        // Every new state goes into the adoption's history, as recordAdoption keeps it.
        write: async (changes, manager) => {
          await insertRows(
            manager,
            AdoptionChange,
            HISTORY_COLUMNS,
            changes.map(({ after }) => historyOf(after, now)),
          );
          if (scope) await restoreLiveAdoptions(manager, scope);
          noLongerReusing = changes
            .filter(({ before }) => before?.source != null && REUSING_SOURCES.includes(before.source))
            .map(({ after }) => after);
        },
      });
      await unlinkReusesOfOwnWork(unit, actor, noLongerReusing);
      return counts;
    });
  }
}

/** A whole number without sign, grouping or leading zero, which numberOf reads as Number() does. */
const WHOLE = /^(0|[1-9]\d*)$/;

/** The figures of a satisfaction row, each validated from its own column. */
const SATISFACTION_FIELDS = [
  'ratingsCount',
  'averageRating',
  'nps',
  'transactionsStarted',
  'transactionsCompleted',
  'visits',
] as const;

/** Inputs that pass every check, to validate one field at a time in (ids and keys come from the lookups). */
const VALID_SATISFACTION = {
  projectId: '1',
  cityId: '1',
  month: '2000-01',
  ratingsCount: 0,
  averageRating: null,
  nps: null,
  transactionsStarted: null,
  transactionsCompleted: null,
  visits: null,
};
const VALID_ADOPTION = {
  projectId: '1',
  cityId: '1',
  stage: AdoptionStage.PLANNED,
  maturityModel: '2.0',
  maturityLevel: null,
  liveSince: null,
  source: null,
  notes: null,
};

const HISTORY_COLUMNS = [
  'adoptionId',
  'projectId',
  'cityId',
  'recordedAt',
  'stage',
  'maturityModel',
  'maturityLevel',
  'liveSince',
  'source',
  'notes',
  'version',
] as const;

type Report = (column: string, message: string) => void;
type Target = { city: City; project: Project };

/**
 * The city and service of each distinct pair of AGS and LeiKa cells, with the problems found: looked up and
 * authorized once per pair, reported again for every row that has it.
 */
class TargetCache {
  private readonly verdicts = new Map<
    Cell,
    Map<Cell, { target: Target | null; problems: [string, string][] }>
  >();

  constructor(private readonly find: (cells: RowCells, report: Report) => Target | null) {}

  of(ags: Cell, leika: Cell, report: Report): Target | null {
    let ofAgs = this.verdicts.get(ags);
    if (!ofAgs) {
      ofAgs = new Map();
      this.verdicts.set(ags, ofAgs);
    }
    let verdict = ofAgs.get(leika);
    if (!verdict) {
      const problems: [string, string][] = [];
      const cells: RowCells = (column) => (column === 'ags' ? ags : column === 'leika' ? leika : null);
      const target = this.find(cells, (column, message) => problems.push([column, message]));
      verdict = { target, problems };
      ofAgs.set(leika, verdict);
    }
    for (const [column, message] of verdict.problems) report(column, message);
    return verdict.target;
  }
}

/** A row's authorization, judged once per city: it depends on the actor and the city alone. */
function perCity<Row extends { cityId: number }>(
  authorize: (values: Partial<Row>, actor: Actor) => true | string,
): (values: Partial<Row>, actor: Actor) => true | string {
  const verdicts = new Map<number | undefined, true | string>();
  return (values, actor) => {
    let verdict = verdicts.get(values.cityId);
    if (verdict === undefined) {
      verdict = authorize(values, actor);
      verdicts.set(values.cityId, verdict);
    }
    return verdict;
  };
}

/** The projects (and months) a batch writes to, for its figures. */
function batchScope<Row extends { projectId: number; month?: string }>(
  cooperationId: number,
  changes: readonly PlannedChange<Row>[],
  withMonths: boolean,
): BatchScope {
  const projectIds = [...new Set(changes.map((change) => change.values.projectId as number))];
  const months = [...new Set(changes.map((change) => change.values.month as string))];
  return { cooperationId, projectIds, ...(withMonths ? { months } : {}) };
}

/** Reports problems of one row under the column's name as the file's header writes it. */
function reporter(errors: ImportError[], row: number, headers: Map<string, string>) {
  return (column: string, message: string) => {
    errors.push({ row, column: headers.get(column) ?? column, message });
  };
}

/** A row's cells by documented column; a value under no named column is a problem of its own. */
function cellsOf(
  cells: readonly Cell[],
  index: Map<string, number>,
  width: number,
  report: (column: string, message: string) => void,
): RowCells {
  for (let position = width; position < cells.length; position += 1) {
    if ((cells[position] ?? null) !== null) {
      report(`#${position + 1}`, 'This cell lies beyond the last named column.');
    }
  }
  return (column) => {
    const position = index.get(column);
    return position === undefined ? null : (cells[position] ?? null);
  };
}

function sortErrors(errors: ImportError[]): ImportError[] {
  return errors.sort((a, b) => a.row - b.row);
}
