import { inject } from '@angular/core';
import type { CanMatchFn, RedirectFunction } from '@angular/router';
import { AuthService } from '../../core/auth.service';
import type { Role } from '../../graphql/generated/graphql';

/**
 * A route that matches only for accounts holding one of `roles`; for the others the next route with the
 * same path matches, which says that there is no access. The API refuses them anyway: this spares them
 * a page that could only fail.
 */
function holdingOneOf(...roles: Role[]): CanMatchFn {
  return async () => holds(await myRoles(), roles);
}

/** The signed-in account's roles; none without a session. Call it in an injection context. */
async function myRoles(): Promise<Role[]> {
  const me = await inject(AuthService)
    .current()
    .catch(() => null);
  return me?.roles.map((grant) => grant.role) ?? [];
}

function holds(mine: readonly Role[], wanted: readonly Role[]): boolean {
  return mine.some((role) => wanted.includes(role));
}

/** Accounts and roles: the cooperation office only. */
export const adminsOnly = holdingOneOf('ADMIN');

/** The audit log: the cooperation office and the cities' CDOs. */
export const auditReaders = holdingOneOf('ADMIN', 'CDO');

/** Working groups, projects and milestones: the cooperation office and the working groups' leads. */
export const projectKeepers = holdingOneOf('ADMIN', 'WORKING_GROUP_LEAD');

/**
 * `/verwaltung` itself: admins start at the accounts, leads (who read no audit log) at the projects,
 * everyone else at the audit log (or its refusal).
 */
export const firstArea: RedirectFunction = async () => {
  const roles = await myRoles();
  if (holds(roles, ['ADMIN'])) return 'konten';
  return holds(roles, ['WORKING_GROUP_LEAD']) && !holds(roles, ['CDO']) ? 'projekte' : 'protokoll';
};
