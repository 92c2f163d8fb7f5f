import { MATURITY_MODELS, MATURITY_MODEL_VERSIONS, type MaturityModel } from '@koop/domain';
import type { FieldProblem, RequestProblem } from '../../core/graphql-errors';
import type { AdoptionSource, AdoptionStage, RecordAdoptionInput } from '../../graphql/generated/graphql';

export const SOURCES: readonly AdoptionSource[] = ['OWN_BUILD', 'REUSED_FROM_PARTNER', 'EFA_SUBSCRIPTION'];
export const MODELS: readonly MaturityModel[] = MATURITY_MODEL_VERSIONS;
/** The model a new record starts with: the current OZG maturity model. */
export const DEFAULT_MODEL: MaturityModel = '2.0';

/** The editor's fields as the controls hold them: empty text means "no value". */
export interface AdoptionFormValue {
  readonly stage: AdoptionStage;
  readonly maturityModel: string;
  readonly maturityLevel: string;
  readonly liveSince: string;
  readonly source: string;
  /** The solution of the catalogue the city reused; only for a source that takes over someone's work. */
  readonly reusedSolutionId: string;
  readonly notes: string;
}

export type AdoptionField = keyof AdoptionFormValue;
export const FORM_FIELDS: readonly AdoptionField[] = [
  'stage',
  'maturityModel',
  'maturityLevel',
  'liveSince',
  'source',
  'reusedSolutionId',
  'notes',
];

/** Sources that take over someone else's work: only such an adoption names the solution it reused. */
export const REUSING_SOURCES: readonly AdoptionSource[] = ['REUSED_FROM_PARTNER', 'EFA_SUBSCRIPTION'];

/** Whether the form's source takes over someone else's work. */
export function isReusing(source: string): boolean {
  return (REUSING_SOURCES as readonly string[]).includes(source);
}

/** The values of an adoption as the row stores them (a matrix cell or the current row of a conflict). */
export interface AdoptionValues {
  readonly stage: AdoptionStage;
  readonly maturityModel: string;
  readonly maturityLevel: number | null;
  readonly liveSince: string | null;
  readonly source: AdoptionSource | null;
  readonly notes: string | null;
  readonly version?: number;
  /** Absent in a CONFLICT's current row, which is the adoption's row alone. */
  readonly reusedSolution?: { readonly id: string } | null;
}

/** The form filled with a record, or with neutral values for a cell without one. */
export function formFromAdoption(adoption: AdoptionValues | null): AdoptionFormValue {
  if (!adoption) {
    return {
      stage: 'NOT_PLANNED',
      maturityModel: DEFAULT_MODEL,
      maturityLevel: '',
      liveSince: '',
      source: '',
      reusedSolutionId: '',
      notes: '',
    };
  }
  return {
    stage: adoption.stage,
    maturityModel: adoption.maturityModel,
    maturityLevel: adoption.maturityLevel === null ? '' : String(adoption.maturityLevel),
    liveSince: adoption.liveSince ?? '',
    source: adoption.source ?? '',
    reusedSolutionId: adoption.reusedSolution?.id ?? '',
    notes: adoption.notes ?? '',
  };
}

/** The levels a maturity model offers, from 0 up to its highest. */
export function levelsFor(model: string): number[] {
  const max = (MATURITY_MODELS as Record<string, number>)[model] ?? MATURITY_MODELS[DEFAULT_MODEL];
  return Array.from({ length: max + 1 }, (_, level) => level);
}

/** The form after the user chose another model: a level the new model lacks is cleared. */
export function withModel(form: AdoptionFormValue, model: string): AdoptionFormValue {
  const keepsLevel = form.maturityLevel === '' || levelsFor(model).includes(Number(form.maturityLevel));
  return { ...form, maturityModel: model, maturityLevel: keepsLevel ? form.maturityLevel : '' };
}

/**
 * The mutation's input for the form. Empty fields are sent as null so that they are cleared; the version
 * is the one of the row the user saw, and left out for a cell that had no row.
 */
export function recordInput(
  form: AdoptionFormValue,
  target: { readonly projectId: string; readonly cityId: string; readonly version: number | null },
): RecordAdoptionInput {
  const notes = form.notes.trim();
  const input: RecordAdoptionInput = {
    projectId: target.projectId,
    cityId: target.cityId,
    stage: form.stage,
    maturityModel: form.maturityModel,
    maturityLevel: form.maturityLevel === '' ? null : Number(form.maturityLevel),
    liveSince: form.liveSince === '' ? null : form.liveSince,
    source: form.source === '' ? null : (form.source as AdoptionSource),
    notes: notes === '' ? null : notes,
    // Sent only with a source that takes over someone's work (empty: no solution, which unlinks one);
    // with another source the API unlinks a solution named before.
    ...(isReusing(form.source) ? { reusedSolutionId: form.reusedSolutionId || null } : {}),
  };
  return target.version === null ? input : { ...input, version: target.version };
}

export interface FormProblems {
  /** Messages of the API per form field. */
  readonly fields: Partial<Record<AdoptionField, string>>;
  /** Problems that name no field of the form. */
  readonly general: readonly FieldProblem[];
}

/** Sorts the API's field problems onto the form's fields ("input.liveSince" names `liveSince`). */
export function formProblems(problem: RequestProblem): FormProblems {
  const fields: Partial<Record<AdoptionField, string>> = {};
  const general: FieldProblem[] = [];
  for (const entry of problem.fields) {
    const name = entry.field.replace(/^input\./, '') as AdoptionField;
    if (FORM_FIELDS.includes(name)) {
      fields[name] = fields[name] ? `${fields[name]}; ${entry.message}` : entry.message;
    } else {
      general.push(entry);
    }
  }
  return { fields, general };
}

/** A solution the editor can offer: its title and the cities that developed it. */
export interface SolutionOption {
  readonly id: string;
  readonly title: string;
  readonly developedBy: readonly { readonly id: string; readonly name: string }[];
}

/**
 * The solutions an adoption of `cityId` may name, by title: those of the service's project that the city did
 * not develop itself (a city does not reuse its own work). The solution linked now stays offered, whatever
 * it is, so that the form shows what is stored.
 */
export function solutionChoices(
  solutions: readonly SolutionOption[],
  cityId: string,
  linked: { readonly id: string; readonly title: string } | null | undefined,
): SolutionOption[] {
  const choices = solutions.filter((solution) => !solution.developedBy.some((city) => city.id === cityId));
  if (linked && !choices.some((solution) => solution.id === linked.id)) {
    choices.push({ ...linked, developedBy: [] });
  }
  return choices.sort((a, b) => a.title.localeCompare(b.title, 'de'));
}

/** The current row sent with a CONFLICT, when it has the shape of an adoption. */
export function conflictCurrent(problem: RequestProblem): AdoptionValues | null {
  const current = problem.current as Partial<AdoptionValues> | null | undefined;
  if (!current || typeof current !== 'object' || typeof current.stage !== 'string') {
    return null;
  }
  return {
    stage: current.stage,
    maturityModel: String(current.maturityModel ?? DEFAULT_MODEL),
    maturityLevel: typeof current.maturityLevel === 'number' ? current.maturityLevel : null,
    liveSince: current.liveSince ?? null,
    source: current.source ?? null,
    notes: current.notes ?? null,
    version: typeof current.version === 'number' ? current.version : undefined,
  };
}

/** A message of the API that the dashboard can say in the user's language: a text key and its values. */
export interface KnownMessage {
  readonly key: string;
  readonly params: Record<string, string>;
}

const KNOWN_MESSAGES: readonly {
  readonly pattern: RegExp;
  readonly key: string;
  readonly names: string[];
}[] = [
  { pattern: /^must not be in the future$/, key: 'notInFuture', names: [] },
  { pattern: /^is required when the stage is LIVE$/, key: 'requiredWhenLive', names: [] },
  { pattern: /^must be a date written as YYYY-MM-DD$/, key: 'dateFormat', names: [] },
  {
    pattern: /^must be an integer from 0 to (\d+) for maturity model (\S+)$/,
    key: 'levelRange',
    names: ['max', 'model'],
  },
  { pattern: /^must be one of (.+)$/, key: 'oneOf', names: ['values'] },
  { pattern: /^must be at most (\d+) characters$/, key: 'maxLength', names: ['max'] },
  { pattern: /^must be a solution of the adopted service’s project$/, key: 'solutionOfProject', names: [] },
  { pattern: /^names a solution the city developed itself;/, key: 'ownSolution', names: [] },
  { pattern: /^names a solution only with source /, key: 'solutionNeedsReuse', names: [] },
];

/** Recognises the API's wording, so that the German page need not show English; null if unknown. */
export function knownMessage(message: string): KnownMessage | null {
  for (const { pattern, key, names } of KNOWN_MESSAGES) {
    const match = pattern.exec(message);
    if (match) {
      return { key, params: Object.fromEntries(names.map((name, index) => [name, match[index + 1]])) };
    }
  }
  return null;
}

/** Short text of a maturity, e.g. "R3 · 1.1"; the prefix is the language's letter for "level". */
export function maturityText(
  prefix: string,
  adoption: Pick<AdoptionValues, 'maturityModel' | 'maturityLevel'>,
): string {
  return `${prefix}${adoption.maturityLevel ?? '–'} · ${adoption.maturityModel}`;
}
