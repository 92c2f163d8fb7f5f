import { ROLE_SCOPES } from '@koop/domain';
import type { RequestProblem } from '../../core/graphql-errors';
import type { Role, RoleGrantInput } from '../../graphql/generated/graphql';

/** The roles in the order the forms offer them: the widest first. */
export const ROLES: readonly Role[] = ['ADMIN', 'CDO', 'WORKING_GROUP_LEAD', 'CITY_EDITOR', 'VIEWER'];

export type RoleScope = 'city' | 'workingGroup' | 'none';

/** What a role needs besides itself: a city, a working group or nothing. */
export function scopeOf(role: Role | ''): RoleScope {
  return role === '' ? 'none' : ROLE_SCOPES[role];
}

/**
 * One role as the form edits it. Both scopes are kept, so that switching the role back and forth does
 * not lose a choice; only the one the role needs is sent.
 */
export interface RoleRow {
  /** Identifies the row while it is edited (for `track` and element ids); never sent. */
  readonly key: number;
  readonly role: Role | '';
  readonly cityId: string;
  readonly workingGroupId: string;
}

export interface GrantLike {
  readonly role: Role;
  readonly cityId: string | null;
  readonly workingGroupId: string | null;
}

let nextKey = 1;

export function emptyRow(): RoleRow {
  return { key: nextKey++, role: '', cityId: '', workingGroupId: '' };
}

/** The rows of an account's current roles. */
export function rowsOf(grants: readonly GrantLike[]): RoleRow[] {
  return grants.map((grant) => ({
    key: nextKey++,
    role: grant.role,
    cityId: grant.cityId ?? '',
    workingGroupId: grant.workingGroupId ?? '',
  }));
}

/**
 * The roles to send. A scope left empty goes as null, so that the API names the row and field that
 * lacks it; a scope the role does not need is not sent.
 */
export function grantsOf(rows: readonly RoleRow[]): RoleGrantInput[] {
  return rows
    .filter((row): row is RoleRow & { role: Role } => row.role !== '')
    .map((row) => {
      const scope = scopeOf(row.role);
      return {
        role: row.role,
        cityId: scope === 'city' ? row.cityId || null : null,
        workingGroupId: scope === 'workingGroup' ? row.workingGroupId || null : null,
      };
    });
}

/** Index of every row whose role is not chosen yet: GraphQL cannot carry an empty role. */
export function rowsWithoutRole(rows: readonly RoleRow[]): number[] {
  return rows.flatMap((row, index) => (row.role === '' ? [index] : []));
}

function grantKey(grant: GrantLike | RoleGrantInput): string {
  return `${grant.role}:${grant.cityId ?? ''}:${grant.workingGroupId ?? ''}`;
}

/** True when both hold the same roles with the same scopes, in whatever order. */
export function sameGrants(
  a: readonly (GrantLike | RoleGrantInput)[],
  b: readonly (GrantLike | RoleGrantInput)[],
): boolean {
  const left = new Set(a.map(grantKey));
  const right = new Set(b.map(grantKey));
  return left.size === right.size && [...left].every((key) => right.has(key));
}

/** Where in a role row a problem belongs: at the role's select or at its scope's. */
export type RowPart = 'role' | 'scope';

/** The API's messages, placed at the fields of the account form. */
export interface AccountProblems {
  readonly username: string | null;
  readonly displayName: string | null;
  /** By row index, then by part of the row. */
  readonly roles: Readonly<Record<number, Partial<Record<RowPart, string>>>>;
  /** What no field can show. */
  readonly general: string | null;
}

export const NO_ACCOUNT_PROBLEMS: AccountProblems = {
  username: null,
  displayName: null,
  roles: {},
  general: null,
};

const ROLE_FIELD = /^roles(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?$/;

function joined(existing: string | null | undefined, message: string): string {
  return existing ? `${existing}; ${message}` : message;
}

/**
 * Puts each of the API's field messages next to the field it names: `username`, `input.displayName`,
 * `roles[0].cityId` and `roles.0.cityId` alike; the rest becomes the general message.
 */
export function accountProblems(problem: RequestProblem): AccountProblems {
  let username: string | null = null;
  let displayName: string | null = null;
  const roles: Record<number, Partial<Record<RowPart, string>>> = {};
  const unplaced: string[] = [];
  for (const { field, message } of problem.fields) {
    const name = field.replace(/^input\./, '');
    const roleField = ROLE_FIELD.exec(name);
    if (name === 'username') {
      username = joined(username, message);
    } else if (name === 'displayName') {
      displayName = joined(displayName, message);
    } else if (roleField) {
      const index = Number(roleField[1] ?? roleField[2]);
      const part: RowPart = roleField[3] === 'cityId' || roleField[3] === 'workingGroupId' ? 'scope' : 'role';
      const row = (roles[index] ??= {});
      row[part] = joined(row[part], message);
    } else {
      unplaced.push(message);
    }
  }
  const placed = username !== null || displayName !== null || Object.keys(roles).length > 0;
  const general = unplaced.length > 0 ? unplaced.join('; ') : placed ? null : problem.message;
  return { username, displayName, roles, general };
}

/**
 * The API speaks English; these are the messages of the account rules in German. A message not listed is
 * shown as the API wrote it.
 */
const GERMAN: readonly [RegExp, (groups: string[], roleName: (role: string) => string) => string][] = [
  [/^must not be empty$/, () => 'darf nicht leer sein'],
  [
    /^must be 3–60 lower-case letters, digits, dots, hyphens or underscores$/,
    () => 'muss aus 3 bis 60 Kleinbuchstaben, Ziffern, Punkten, Binde- oder Unterstrichen bestehen',
  ],
  [/^is already taken \((.*)\)$/, ([name]) => `ist bereits vergeben (${name})`],
  [/^must be at most (\d+) characters$/, ([max]) => `darf höchstens ${max} Zeichen lang sein`],
  [/^is required for the role (\w+)$/, ([role], name) => `wird für die Rolle „${name(role)}“ benötigt`],
  [/^must be left out for the role (\w+)$/, ([role], name) => `entfällt bei der Rolle „${name(role)}“`],
  [/^you cannot disable your own account$/, () => 'Ihr eigenes Konto können Sie nicht deaktivieren.'],
];

/**
 * The API's message in the user's language when it is one of the known rules, with the language it is
 * written in (so that a screen reader pronounces an untranslated one as English).
 */
export function localizedMessage(
  message: string,
  language: string,
  roleName: (role: string) => string = (role) => role,
): { text: string; lang: string } {
  if (language === 'de') {
    for (const [pattern, german] of GERMAN) {
      const match = pattern.exec(message);
      if (match) return { text: german(match.slice(1), roleName), lang: 'de' };
    }
  }
  return { text: message, lang: 'en' };
}
