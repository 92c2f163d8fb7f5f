import { Role } from '@koop/domain';

/**
 * Roles as the identity provider names them in the roles claim (OIDC_ROLES_CLAIM, an array of strings):
 *
 * | entry                          | role                                     |
 * |--------------------------------|------------------------------------------|
 * | `koop-admin`                   | ADMIN (cooperation office)               |
 * | `koop-viewer`                  | VIEWER                                   |
 * | `koop-cdo:<AGS>`               | CDO of the city with that 8-digit AGS    |
 * | `koop-city-editor:<AGS>`       | CITY_EDITOR of the city with that AGS    |
 * | `koop-lead:<working group id>` | WORKING_GROUP_LEAD of that working group |
 *
 * Role names are matched case-insensitively; entries that fit none of these (the provider's own roles such
 * as `offline_access`, a malformed AGS) are ignored, as are scopes naming no city or working group.
 */
export type ClaimedRole =
  | { readonly role: Role.ADMIN | Role.VIEWER }
  | { readonly role: Role.CDO | Role.CITY_EDITOR; readonly ags: string }
  | { readonly role: Role.WORKING_GROUP_LEAD; readonly workingGroupId: number };

const UNSCOPED: Record<string, Role.ADMIN | Role.VIEWER> = {
  'koop-admin': Role.ADMIN,
  'koop-viewer': Role.VIEWER,
};
const CITY_SCOPED: Record<string, Role.CDO | Role.CITY_EDITOR> = {
  'koop-cdo': Role.CDO,
  'koop-city-editor': Role.CITY_EDITOR,
};
const WORKING_GROUP_SCOPED: Record<string, Role.WORKING_GROUP_LEAD> = {
  'koop-lead': Role.WORKING_GROUP_LEAD,
};

const AGS = /^\d{8}$/;
const ID = /^[1-9]\d{0,9}$/;
const MAX_ID = 2_147_483_647;

/** One entry of the roles claim as a role, or null when it names none of this application's roles. */
export function parseRoleEntry(entry: string): ClaimedRole | null {
  const trimmed = entry.trim();
  const colon = trimmed.indexOf(':');
  const name = (colon < 0 ? trimmed : trimmed.slice(0, colon)).toLowerCase();
  const scope = colon < 0 ? null : trimmed.slice(colon + 1).trim();
  if (scope === null) {
    const role = UNSCOPED[name];
    return role ? { role } : null;
  }
  const cityRole = CITY_SCOPED[name];
  if (cityRole) {
    return AGS.test(scope) ? { role: cityRole, ags: scope } : null;
  }
  if (WORKING_GROUP_SCOPED[name] && ID.test(scope) && Number(scope) <= MAX_ID) {
    return { role: Role.WORKING_GROUP_LEAD, workingGroupId: Number(scope) };
  }
  return null;
}

function keyOf(claimed: ClaimedRole): string {
  if ('ags' in claimed) return `${claimed.role}:${claimed.ags}`;
  if ('workingGroupId' in claimed) return `${claimed.role}:${claimed.workingGroupId}`;
  return claimed.role;
}

/** The roles the claim names, each once, in the claim's order; anything but an array of strings names none. */
export function parseRolesClaim(value: unknown): ClaimedRole[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const roles = new Map<string, ClaimedRole>();
  for (const entry of value) {
    const claimed = typeof entry === 'string' ? parseRoleEntry(entry) : null;
    if (claimed && !roles.has(keyOf(claimed))) {
      roles.set(keyOf(claimed), claimed);
    }
  }
  return [...roles.values()];
}

/**
 * The claim named `name`: a top-level claim of that name, else the value at that dotted path, so that
 * Keycloak's `realm_access.roles` or `resource_access.<client id>.roles` (client ids may hold dots) work.
 */
export function claimAt(claims: Readonly<Record<string, unknown>>, name: string): unknown {
  if (Object.hasOwn(claims, name)) {
    return claims[name];
  }
  const segments = name.split('.');
  for (let length = segments.length - 1; length >= 1; length--) {
    const head = segments.slice(0, length).join('.');
    const nested = Object.hasOwn(claims, head) ? claims[head] : undefined;
    if (nested !== null && typeof nested === 'object' && !Array.isArray(nested)) {
      const found = claimAt(nested as Record<string, unknown>, segments.slice(length).join('.'));
      if (found !== undefined) {
        return found;
      }
    }
  }
  return undefined;
}
