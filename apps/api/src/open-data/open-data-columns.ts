import type { CellValue, ColumnType, TableColumn } from '@koop/domain';
import type { MatrixCell } from '../overview/index.js';
import type { City } from '../cities/index.js';
import type { Project } from '../projects/index.js';
import type { Satisfaction } from '../satisfaction/index.js';

/*
 * The columns of the open datasets and their data dictionary. Only figures about cities and services: no
 * person's name, account, author of a status update or free text that could hold one (notes, summaries,
 * risks) is ever a column here.
 */

/** A column of open data: its machine name is its heading, in every language. */
export interface OpenDataColumn<Row> extends TableColumn<Row> {
  readonly description: string;
}

function column<Row>(
  key: string,
  type: ColumnType,
  description: string,
  value: (row: Row) => CellValue,
  extra: { digits?: number; unit?: string } = {},
): OpenDataColumn<Row> {
  return { key, de: key, en: key, type, description, value, ...extra };
}

export interface OpenAdoptionRow {
  readonly city: City;
  readonly service: Project;
  readonly adoption: MatrixCell;
}

export const OPEN_ADOPTION_COLUMNS: readonly OpenDataColumn<OpenAdoptionRow>[] = [
  column('ags', 'key', 'Amtlicher Gemeindeschlüssel der Kommune (8 Ziffern)', (r) => r.city.ags),
  column('city', 'text', 'Name der Kommune', (r) => r.city.name),
  column('leika_key', 'key', 'LeiKa-Schlüssel der Leistung (14 Ziffern)', (r) => r.service.leikaKey),
  column('service', 'text', 'Name des Onlinedienstes', (r) => r.service.title),
  column(
    'stage',
    'text',
    'Stufe der Nachnutzung: NOT_PLANNED, EVALUATING, PLANNED, IN_ROLLOUT, LIVE oder DISCONTINUED',
    (r) => r.adoption.stage,
  ),
  column(
    'maturity_model',
    'key',
    'OZG-Reifegradmodell: 1.1 (Stufen 0–4) oder 2.0 (Stufen 0–7)',
    (r) => r.adoption.maturityModel,
  ),
  column(
    'maturity_level',
    'integer',
    'OZG-Reifegrad im angegebenen Modell',
    (r) => r.adoption.maturityLevel,
    {
      unit: 'Stufe',
    },
  ),
  column(
    'live_since',
    'date',
    'Datum, seit dem der Dienst in der Kommune online ist',
    (r) => r.adoption.liveSince,
  ),
];

export interface OpenSatisfactionRow {
  readonly city: City;
  readonly service: Project;
  readonly figures: Satisfaction;
}

export const OPEN_SATISFACTION_COLUMNS: readonly OpenDataColumn<OpenSatisfactionRow>[] = [
  column('month', 'month', 'Kalendermonat der Zahlen (JJJJ-MM)', (r) => r.figures.month),
  column('ags', 'key', 'Amtlicher Gemeindeschlüssel der Kommune (8 Ziffern)', (r) => r.city.ags),
  column('city', 'text', 'Name der Kommune', (r) => r.city.name),
  column('leika_key', 'key', 'LeiKa-Schlüssel der Leistung (14 Ziffern)', (r) => r.service.leikaKey),
  column('service', 'text', 'Name des Onlinedienstes', (r) => r.service.title),
  column('ratings_count', 'integer', 'Zahl der Bewertungen im Monat', (r) => r.figures.ratingsCount, {
    unit: 'Bewertungen',
  }),
  column(
    'average_rating',
    'decimal',
    'Durchschnittliche Bewertung auf der Skala der Feedback-Komponente, gerundet auf 2 Stellen',
    (r) => r.figures.averageRating,
    { digits: 2, unit: 'Sterne (1–5)' },
  ),
  column(
    'transactions_started',
    'integer',
    'Begonnene Online-Vorgänge im Monat',
    (r) => r.figures.transactionsStarted,
    { unit: 'Vorgänge' },
  ),
  column(
    'transactions_completed',
    'integer',
    'Abgeschlossene Online-Vorgänge im Monat',
    (r) => r.figures.transactionsCompleted,
    { unit: 'Vorgänge' },
  ),
  column(
    'completion_rate',
    'decimal',
    'Abschlussquote: abgeschlossene je begonnene Vorgänge, in Prozent, gerundet auf 1 Stelle',
    (r) => completionPercent(r.figures),
    { digits: 1, unit: 'Prozent' },
  ),
  column('visits', 'integer', 'Besuche der Seite des Dienstes im Monat', (r) => r.figures.visits, {
    unit: 'Besuche',
  }),
];

function completionPercent(figures: Satisfaction): number | null {
  const { transactionsStarted: started, transactionsCompleted: completed } = figures;
  return started === null || completed === null || started === 0 ? null : (completed / started) * 100;
}

export interface OpenProjectRow {
  readonly project: Project;
  readonly workingGroup: string;
}

export const OPEN_PROJECT_COLUMNS: readonly OpenDataColumn<OpenProjectRow>[] = [
  column('title', 'text', 'Titel des Gemeinschaftsprojekts', (r) => r.project.title),
  column(
    'kind',
    'text',
    'Art: ONLINE_SERVICE, STANDARD, PLATFORM, CONCEPT, POSITION_PAPER oder MARKETING',
    (r) => r.project.kind,
  ),
  column(
    'phase',
    'text',
    'Phase: IDEA, PLANNED, IN_DEVELOPMENT, PILOT, LIVE oder RETIRED',
    (r) => r.project.phase,
  ),
  column(
    'health',
    'text',
    'Status: GREEN (im Plan), AMBER (gefährdet) oder RED (nicht im Plan)',
    (r) => r.project.health,
  ),
  column('progress', 'integer', 'Fortschritt in Prozent (0–100)', (r) => r.project.progress, {
    unit: 'Prozent',
  }),
  column('working_group', 'text', 'Arbeitszirkel, zu dem das Projekt gehört', (r) => r.workingGroup),
];

/** Frictionless Table Schema's type of a column kind. */
const SCHEMA_TYPES: Record<ColumnType, { type: string; format?: string }> = {
  text: { type: 'string' },
  key: { type: 'string', format: 'default' },
  integer: { type: 'integer' },
  decimal: { type: 'number' },
  date: { type: 'date' },
  month: { type: 'yearmonth' },
  datetime: { type: 'datetime' },
  boolean: { type: 'boolean' },
};

/** The data dictionary of a dataset as a Frictionless Table Schema: every column's name, type, meaning, unit. */
export function tableSchema<Row>(
  title: string,
  description: string,
  columns: readonly OpenDataColumn<Row>[],
): Record<string, unknown> {
  return {
    $schema: 'https://specs.frictionlessdata.io/schemas/table-schema.json',
    title,
    description,
    fields: columns.map((c) => ({
      name: c.key,
      ...SCHEMA_TYPES[c.type],
      description: c.description,
      unit: c.unit ?? null,
      ...(c.type === 'key' ? { constraints: { pattern: '^[0-9.]+$' } } : {}),
    })),
    missingValues: [''],
  };
}
