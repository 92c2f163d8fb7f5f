import type { RequestProblem } from '../../core/graphql-errors';

/** The fields of the status-update form, named as the API's input names them. */
export const STATUS_FIELDS = ['phase', 'health', 'progress', 'summary', 'blockers', 'author'] as const;
export type StatusField = (typeof STATUS_FIELDS)[number];

/** What went wrong, split into messages for the form's fields and one for the form as a whole. */
export interface FormProblems {
  readonly fields: Partial<Record<StatusField, string>>;
  /** A problem no field can show (unknown project, server down, a field the form lacks). */
  readonly general: string | null;
}

export const NO_PROBLEMS: FormProblems = { fields: {}, general: null };

function isStatusField(name: string): name is StatusField {
  return (STATUS_FIELDS as readonly string[]).includes(name);
}

/**
 * Puts each of the API's field messages next to the field it names (`input.progress` and `progress`
 * alike); several messages for one field are joined; the rest becomes the general message.
 */
export function formProblems(problem: RequestProblem): FormProblems {
  const fields: Partial<Record<StatusField, string>> = {};
  const unplaced: string[] = [];
  for (const { field, message } of problem.fields) {
    const name = field.split('.').at(-1) ?? field;
    if (isStatusField(name)) {
      fields[name] = fields[name] ? `${fields[name]}; ${message}` : message;
    } else {
      unplaced.push(`${field}: ${message}`);
    }
  }
  const placed = Object.keys(fields).length > 0;
  const general = unplaced.length > 0 ? unplaced.join('; ') : placed ? null : problem.message;
  return { fields, general };
}

/** The fields at fault, in the order of the form. */
export function faultyFields(problems: FormProblems): StatusField[] {
  return STATUS_FIELDS.filter((field) => problems.fields[field]);
}

/**
 * The API speaks English; these are its rules' messages in German. A message not listed is shown as
 * the API wrote it.
 */
const GERMAN: readonly [RegExp, (...groups: string[]) => string][] = [
  [/^must not be empty$/, () => 'darf nicht leer sein'],
  [
    /^must be an integer from (-?\d+) to (-?\d+)$/,
    (min, max) => `muss eine ganze Zahl von ${min} bis ${max} sein`,
  ],
  [/^must be at most (\d+) characters$/, (max) => `darf höchstens ${max} Zeichen lang sein`],
];

/**
 * The API's message in the user's language when it is one of the known rules, with the language it is
 * written in (so that a screen reader pronounces an untranslated one as English).
 */
export function localizedMessage(message: string, language: string): { text: string; lang: string } {
  if (language === 'de') {
    for (const [pattern, german] of GERMAN) {
      const match = pattern.exec(message);
      if (match) return { text: german(...match.slice(1)), lang: 'de' };
    }
  }
  return { text: message, lang: 'en' };
}
