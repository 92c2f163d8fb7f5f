import { Role } from '@koop/domain';

export interface Grant {
  readonly role: Role;
  readonly cityId: number | null;
  readonly workingGroupId: number | null;
}

/** Who is making a request, with the roles that decide what they may change. */
export interface Actor {
  readonly accountId: number | null;
  readonly username: string;
  readonly grants: readonly Grant[];
  readonly mustChangePassword: boolean;
}

/** The actor of work the system does by itself, such as loading the demo. */
export const SYSTEM_ACTOR: Actor = {
  accountId: null,
  username: 'system',
  grants: [{ role: Role.ADMIN, cityId: null, workingGroupId: null }],
  mustChangePassword: false,
};

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.grants.some((grant) => grant.role === role);
}

export function isAdmin(actor: Actor): boolean {
  return hasRole(actor, Role.ADMIN);
}

/** Admins, and the leads of the working group. */
export function mayEditWorkingGroup(actor: Actor, workingGroupId: number): boolean {
  return (
    isAdmin(actor) ||
    actor.grants.some((g) => g.role === Role.WORKING_GROUP_LEAD && g.workingGroupId === workingGroupId)
  );
}

/** Admins, and the city's editors and CDO (a CDO edits their own city's data as its editor). */
export function mayEditCity(actor: Actor, cityId: number): boolean {
  return (
    isAdmin(actor) ||
    actor.grants.some((g) => (g.role === Role.CITY_EDITOR || g.role === Role.CDO) && g.cityId === cityId)
  );
}
