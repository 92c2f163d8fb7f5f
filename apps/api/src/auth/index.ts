// The auth feature's one door: what the rest of the API uses of it. Other features import only
// from here (lint rule feature-entry-imports); tools/codemods/feature-entry-imports.mjs adds what they need.
import { LoginFailure } from './login-failure.entity.js';
import { Session } from './session.entity.js';
export { Session } from './session.entity.js';
export { Public, Roles, SignedIn } from './access.decorator.js';
export { CurrentActor } from './current-actor.decorator.js';
export { AccessGuard } from './access.guard.js';
export { SYSTEM_ACTOR, isAdmin, mayEditCity, mayEditWorkingGroup, type Actor } from './actor.js';
export { OIDC_LOGIN_PATH } from './oidc-paths.js';
export { hashPassword, initialPassword } from './passwords.js';
export type { ActorRequest, HttpContext } from './request-actor.js';
export { SESSION_COOKIE, SessionService, hashToken } from './session.service.js';

/** The auth feature's tables, for the entity list of the data source (entities.ts). */
export const authEntities = [Session, LoginFailure];
