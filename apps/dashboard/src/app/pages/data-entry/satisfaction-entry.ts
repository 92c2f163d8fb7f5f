import {
  averageRatingError,
  NPS_MAX,
  NPS_MIN,
  satisfactionMonthError,
  transactionsError,
} from '@koop/domain';
import { countProblem, parseNumber, type FormProblems } from './field-problems';
import type { FormValues } from './record-form.component';

/** The figures of a month, named as `recordSatisfaction` names them. */
export const FIGURE_FIELDS = [
  'ratingsCount',
  'averageRating',
  'nps',
  'transactionsStarted',
  'transactionsCompleted',
  'visits',
] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];
export const SATISFACTION_FIELDS = ['month', ...FIGURE_FIELDS] as const;

/** A recorded month as the API gives it. */
export interface RecordedMonth {
  readonly month: string;
  readonly ratingsCount: number;
  readonly averageRating: number | null;
  readonly nps: number | null;
  readonly transactionsStarted: number | null;
  readonly transactionsCompleted: number | null;
  readonly visits: number | null;
  readonly version: number;
}

/** The figures to send, as numbers (or null where left empty). */
export interface FigureInput {
  readonly ratingsCount: number;
  readonly averageRating: number | null;
  readonly nps: number | null;
  readonly transactionsStarted: number | null;
  readonly transactionsCompleted: number | null;
  readonly visits: number | null;
}

/** A number as the user's language writes it in a field (a decimal comma in German). */
export function fieldText(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return language === 'de' ? text.replace('.', ',') : text;
}

/** The form's values for a month: as recorded, or empty for a month not recorded yet. */
export function monthValues(month: string, row: RecordedMonth | null, language: string): FormValues {
  return {
    month,
    ratingsCount: row ? String(row.ratingsCount) : '',
    averageRating: fieldText(row?.averageRating, language),
    nps: fieldText(row?.nps, language),
    transactionsStarted: fieldText(row?.transactionsStarted, language),
    transactionsCompleted: fieldText(row?.transactionsCompleted, language),
    visits: fieldText(row?.visits, language),
  };
}

const text = (values: FormValues, field: string) => String(values[field] ?? '');

/**
 * Checks the figures with the API's own rules (from @koop/domain) before anything is sent, worded as the
 * API words them; an empty result when they may be sent.
 */
export function figureProblems(values: FormValues, now: Date = new Date()): FormProblems {
  const fields: Record<string, string> = {};
  const month = text(values, 'month');
  if ('month' in values) {
    const problem = month === '' ? 'must be a month written as YYYY-MM' : satisfactionMonthError(month, now);
    if (problem) fields['month'] = problem;
  }
  for (const field of ['ratingsCount', 'transactionsStarted', 'transactionsCompleted', 'visits'] as const) {
    const problem = countProblem(text(values, field), field === 'ratingsCount');
    if (problem) fields[field] = problem;
  }
  const rating = parseNumber(text(values, 'averageRating'));
  const count = parseNumber(text(values, 'ratingsCount'));
  if (rating !== null && Number.isNaN(rating)) {
    fields['averageRating'] = 'must be from 1.0 to 5.0';
  } else if (!fields['ratingsCount']) {
    const problem = averageRatingError(count, rating);
    if (problem) fields['averageRating'] = problem;
  }
  const nps = parseNumber(text(values, 'nps'));
  if (nps !== null && (Number.isNaN(nps) || nps < NPS_MIN || nps > NPS_MAX)) {
    fields['nps'] = `must be from ${NPS_MIN} to ${NPS_MAX}`;
  }
  if (!fields['transactionsStarted'] && !fields['transactionsCompleted']) {
    const problem = transactionsError(
      parseNumber(text(values, 'transactionsStarted')),
      parseNumber(text(values, 'transactionsCompleted')),
    );
    if (problem) fields['transactionsCompleted'] = problem;
  }
  return { fields, general: null };
}

/** The figures of checked values, as `recordSatisfaction` takes them. */
export function figureInput(values: FormValues): FigureInput {
  const number = (field: FigureField) => parseNumber(text(values, field));
  return {
    ratingsCount: number('ratingsCount') ?? 0,
    averageRating: number('averageRating'),
    nps: number('nps'),
    transactionsStarted: number('transactionsStarted'),
    transactionsCompleted: number('transactionsCompleted'),
    visits: number('visits'),
  };
}

/** True when the values say the same as the recorded month (or, for none, when nothing was typed). */
export function sameFigures(values: FormValues, row: RecordedMonth | null): boolean {
  const typed = figureInput(values);
  if (!row) return FIGURE_FIELDS.every((field) => text(values, field).trim() === '');
  return FIGURE_FIELDS.every((field) => (typed[field] ?? null) === (row[field] ?? null));
}

/** The last `count` months up to `month`, newest first. */
export function monthsUpTo(month: string, count: number): string[] {
  const [year, monthNumber] = month.split('-').map(Number);
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(year, monthNumber - 1 - i, 1)).toISOString().slice(0, 7),
  );
}
