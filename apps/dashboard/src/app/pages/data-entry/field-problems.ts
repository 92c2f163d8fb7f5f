import type { RequestProblem } from '../../core/graphql-errors';

/** What went wrong with a form: a message per field (by the API's input name) and one for the whole. */
export interface FormProblems {
  readonly fields: Readonly<Record<string, string>>;
  /** A problem no field of the form can show (server down, an unknown row, a field the form lacks). */
  readonly general: string | null;
}

export const NO_PROBLEMS: FormProblems = { fields: {}, general: null };

/** True when the form has anything to show. */
export function hasProblems(problems: FormProblems): boolean {
  return problems.general !== null || Object.keys(problems.fields).length > 0;
}

/**
 * Puts each of the API's field messages at the field it names (`input.month` and `month` alike, the last
 * part of a path); several for one field are joined; those of fields the form lacks become the general one.
 */
export function problemsAt(problem: RequestProblem, fieldNames: readonly string[]): FormProblems {
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const { field, message } of problem.fields) {
    const name = field.split('.').at(-1) ?? field;
    if (fieldNames.includes(name)) {
      fields[name] = fields[name] ? `${fields[name]}; ${message}` : message;
    } else {
      unplaced.push(`${field}: ${message}`);
    }
  }
  const general =
    unplaced.length > 0 ? unplaced.join('; ') : Object.keys(fields).length > 0 ? null : problem.message;
  return { fields, general };
}

/** The API's rules in German; a message not listed is shown as the API wrote it (in English). */
const GERMAN: readonly [RegExp, (...groups: string[]) => string][] = [
  [/^must not be empty$/, () => 'darf nicht leer sein'],
  [/^must be at most (\d+) characters$/, (max) => `darf höchstens ${max} Zeichen lang sein`],
  [/^must be a whole number of at least 0$/, () => 'muss eine ganze Zahl ab 0 sein'],
  [/^must be a whole number$/, () => 'muss eine ganze Zahl sein'],
  [/^must not be negative$/, () => 'darf nicht negativ sein'],
  [/^must be a number$/, () => 'muss eine Zahl sein'],
  [/^must be from (-?[\d.]+) to (-?[\d.]+)$/, (min, max) => `muss zwischen ${de(min)} und ${de(max)} liegen`],
  [
    /^must be an integer from (-?\d+) to (-?\d+)$/,
    (min, max) => `muss eine ganze Zahl von ${min} bis ${max} sein`,
  ],
  [/^must be a month written as YYYY-MM$/, () => 'muss ein Monat sein (JJJJ-MM)'],
  [/^must be a date written as YYYY-MM-DD$/, () => 'muss ein Datum sein (TT.MM.JJJJ)'],
  [/^must be a calendar date written as YYYY-MM-DD.*$/, () => 'muss ein gültiges Datum sein'],
  [/^must not be in the future$/, () => 'darf nicht in der Zukunft liegen'],
  [/^is required when ratingsCount is more than 0$/, () => 'ist nötig, wenn es Bewertungen gibt'],
  [/^must be left out when ratingsCount is 0$/, () => 'muss leer bleiben, wenn es keine Bewertungen gibt'],
  [/^needs transactionsStarted as well$/, () => 'braucht auch die Zahl der begonnenen Vorgänge'],
  [/^must not exceed transactionsStarted$/, () => 'darf nicht größer sein als die begonnenen Vorgänge'],
  [/^must be after the joining date$/, () => 'muss nach dem Beitrittsdatum liegen'],
  [/^must be exactly 8 digits$/, () => 'muss genau 8 Ziffern haben'],
  [/^must be exactly 14 digits$/, () => 'muss genau 14 Ziffern haben'],
  [/^is already used by another (city|cooperation).*$/, () => 'ist schon vergeben'],
  [/^must be one of .*$/, () => 'ist kein zulässiger Wert'],
  [/^is required$/, () => 'ist erforderlich'],
  [/^must not be before the start date$/, () => 'darf nicht vor dem Startdatum liegen'],
];

/** `4.0` → `4,0`. */
const de = (number: string) => number.replace('.', ',');

/**
 * The API's message in the user's language when it is one of the known rules, with the language it is
 * written in (so that a screen reader pronounces an untranslated one as English).
 */
export function localizedProblem(message: string, language: string): { text: string; lang: string } {
  if (language === 'de') {
    const parts = message.split('; ').map((part) => {
      for (const [pattern, german] of GERMAN) {
        const match = pattern.exec(part);
        if (match) return german(...match.slice(1));
      }
      return null;
    });
    if (parts.every((part) => part !== null)) return { text: parts.join('; '), lang: 'de' };
  }
  return { text: message, lang: 'en' };
}

/** A number as typed in German or English (`4,25` or `4.25`); null for an empty field, NaN for text. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const normal = trimmed.replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}

/**
 * Checks a field that must hold a whole number ≥ 0 (or may be empty): the problem as the API words it, or
 * null. GraphQL cannot carry a broken number, so this much the form must check itself.
 */
export function countProblem(text: string, required = false): string | null {
  const value = parseNumber(text);
  if (value === null) return required ? 'must be a whole number of at least 0' : null;
  return Number.isInteger(value) && value >= 0 ? null : 'must be a whole number of at least 0';
}

/** `must not be empty` for each named field left empty, as the API words it. */
export function missingFields(
  values: Readonly<Record<string, string | boolean>>,
  names: readonly string[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of names) {
    if (String(values[name] ?? '').trim() === '') fields[name] = 'must not be empty';
  }
  return fields;
}

/** A text field's value to send: trimmed, null when empty. */
export function textOrNull(value: string | boolean | undefined): string | null {
  const text = String(value ?? '').trim();
  return text === '' ? null : text;
}
