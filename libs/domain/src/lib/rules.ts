/** Limits on free text, so that no field can grow without bound. */
export const TEXT_LIMITS = {
  name: 200,
  shortName: 40,
  title: 200,
  summary: 4000,
  blockers: 2000,
  notes: 2000,
  role: 100,
  description: 4000,
} as const;

/** Largest page a paginated list returns. */
export const MAX_PAGE_SIZE = 100;
/** Page size used when the client names none. */
export const DEFAULT_PAGE_SIZE = 25;

/** Amtlicher Gemeindeschlüssel: exactly eight digits. */
export const AGS_PATTERN = /^\d{8}$/;
/** LeiKa key (Leistungskatalog): exactly fourteen digits. */
export const LEIKA_PATTERN = /^\d{14}$/;
/** A calendar month as `YYYY-MM`. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
/** An ISO 8601 calendar date as `YYYY-MM-DD`. */
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const PROGRESS_MIN = 0;
export const PROGRESS_MAX = 100;
export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const NPS_MIN = -100;
export const NPS_MAX = 100;

/** OZG maturity models (Reifegradmodelle) and their highest level. */
export const MATURITY_MODELS = { '1.1': 4, '2.0': 7 } as const;
export type MaturityModel = keyof typeof MATURITY_MODELS;
export const MATURITY_MODEL_VERSIONS = Object.keys(MATURITY_MODELS) as MaturityModel[];

/**
 * The maturity level from which the federal OZG dashboard counts a service as fully online (Reifegrad 3:
 * applied for online, with authentication and documents). Levels of different models are never compared.
 */
export const ONLINE_MATURITY_LEVEL = 3;

/** True when `value` names a known OZG maturity model. */
export function isMaturityModel(value: string): value is MaturityModel {
  return Object.prototype.hasOwnProperty.call(MATURITY_MODELS, value);
}

/** Why a maturity level does not fit its model, or null when it does. */
export function maturityLevelError(model: string, level: number | null | undefined): string | null {
  if (!isMaturityModel(model)) {
    return `must be one of ${MATURITY_MODEL_VERSIONS.join(', ')}`;
  }
  if (level === null || level === undefined) {
    return null;
  }
  const max = MATURITY_MODELS[model];
  if (!Number.isInteger(level) || level < 0 || level > max) {
    return `must be an integer from 0 to ${max} for maturity model ${model}`;
  }
  return null;
}

/** True when `value` is a real calendar date written as `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Today's date as `YYYY-MM-DD` in UTC. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Why a live-since date is not acceptable for the given stage, or null when it is. */
export function liveSinceError(
  stage: string,
  liveSince: string | null | undefined,
  now: Date = new Date(),
): string | null {
  if (liveSince !== null && liveSince !== undefined) {
    if (!isIsoDate(liveSince)) {
      return 'must be a date written as YYYY-MM-DD';
    }
    if (liveSince > todayIso(now)) {
      return 'must not be in the future';
    }
  }
  if (stage === 'LIVE' && (liveSince === null || liveSince === undefined)) {
    return 'is required when the stage is LIVE';
  }
  return null;
}

/** Why completed transactions do not fit the started ones, or null when they do. */
export function transactionsError(
  started: number | null | undefined,
  completed: number | null | undefined,
): string | null {
  if (completed === null || completed === undefined) {
    return null;
  }
  if (started === null || started === undefined) {
    return 'needs transactionsStarted as well';
  }
  return completed > started ? 'must not exceed transactionsStarted' : null;
}

/** The month (`YYYY-MM`) of a date. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** Shortest password an account may have. */
export const PASSWORD_MIN_LENGTH = 12;

/** Why a new password is not acceptable, or null when it is. */
export function passwordError(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  }
  if (password.length > 200) {
    return 'must be at most 200 characters long';
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    return 'must not contain the username';
  }
  return null;
}

/** A username: 3–60 lower-case letters, digits, dots, hyphens or underscores. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,60}$/;
