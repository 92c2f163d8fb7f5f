/**
 * Turns the audit log's JSON values into text a person reads: dates and numbers per language, yes/no,
 * enum values by their names, ids of cities, cooperations, working groups and the entry's project by their
 * names, roles with their scopes; field names by their labels where the texts know them.
 */
export interface ValueContext {
  /** A calendar date, YYYY-MM-DD. */
  date(value: string): string;
  /** An instant, ISO 8601. */
  dateTime(value: string): string;
  number(value: number, fractionDigits: number): string;
  readonly yes: string;
  readonly no: string;
  /** A missing value. */
  readonly empty: string;
  /** An empty list. */
  readonly none: string;
  cityName(id: string): string | undefined;
  workingGroupName(id: string): string | undefined;
  cooperationName(id: string): string | undefined;
  /** The title of the project with this id, when the entry names it. */
  projectTitle(id: string): string | undefined;
  roleName(role: string): string;
  /** The name of an enum value of the field (`phase`, `stage`, …), or undefined when it is none. */
  enumName(field: string, value: string): string | undefined;
}

/** One changed field as the history shows it. */
export interface ChangeRow {
  readonly field: string;
  /** The field as people read it ("Live seit"); null when the texts do not know it. */
  readonly label: string | null;
  readonly before: string;
  readonly after: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CITY_FIELD = /^(cityId|[a-z]+CityId)$/;
const CITY_LIST_FIELD = /^[a-z]*CityIds$/;

/** The value of a JSON text; a text that is no JSON stays as it is. */
export function parseJson(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  return Math.min(3, String(value).split('.')[1]?.length ?? 0);
}

function named(id: unknown, name: (id: string) => string | undefined): string {
  const key = String(id);
  return name(key) ?? key;
}

function isRoleGrant(value: unknown): value is { role: string; cityId?: unknown; workingGroupId?: unknown } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { role?: unknown }).role === 'string'
  );
}

function describeRole(
  grant: { role: string; cityId?: unknown; workingGroupId?: unknown },
  context: ValueContext,
): string {
  const role = context.roleName(grant.role);
  if (grant.cityId !== null && grant.cityId !== undefined) {
    return `${role} (${named(grant.cityId, (id) => context.cityName(id))})`;
  }
  if (grant.workingGroupId !== null && grant.workingGroupId !== undefined) {
    return `${role} (${named(grant.workingGroupId, (id) => context.workingGroupName(id))})`;
  }
  return role;
}

/** A value of `field` as text. */
export function describeValue(field: string, value: unknown, context: ValueContext): string {
  if (value === null || value === undefined || value === '') return context.empty;
  if (typeof value === 'boolean') return value ? context.yes : context.no;
  if (Array.isArray(value)) {
    if (value.length === 0) return context.none;
    if (value.every(isRoleGrant)) return value.map((grant) => describeRole(grant, context)).join('; ');
    if (CITY_LIST_FIELD.test(field))
      return value.map((id) => named(id, (k) => context.cityName(k))).join(', ');
    const separator = value.some((item) => typeof item === 'object' && item !== null) ? '; ' : ', ';
    return value.map((item) => describeValue(field, item, context)).join(separator);
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${key}: ${describeValue(key, inner, context)}`)
      .join(', ');
  }
  if (CITY_FIELD.test(field)) return named(value, (id) => context.cityName(id));
  if (field === 'workingGroupId') return named(value, (id) => context.workingGroupName(id));
  if (field === 'cooperationId') return named(value, (id) => context.cooperationName(id));
  if (field === 'projectId') return named(value, (id) => context.projectTitle(id));
  if (field === 'id' || /Id$/.test(field)) return String(value);
  if (typeof value === 'number') return context.number(value, decimalsOf(value));
  if (typeof value === 'string') {
    if (DATE.test(value)) return context.date(value);
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return context.dateTime(value);
    return context.enumName(field, value) ?? value;
  }
  return String(value);
}

/** The changes of an entry, each value as text. */
export function changeRows(
  changes: readonly { field: string; before: string | null; after: string | null }[],
  context: ValueContext,
  label: (field: string) => string | null = () => null,
): ChangeRow[] {
  return changes.map((change) => ({
    field: change.field,
    label: label(change.field),
    before: describeValue(change.field, parseJson(change.before), context),
    after: describeValue(change.field, parseJson(change.after), context),
  }));
}

/** Date and time of an instant in the user's time zone, e.g. "12.03.2026, 14:05". */
export function formatDateTime(value: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}
