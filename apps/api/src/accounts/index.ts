// The accounts feature's one door: what the rest of the API uses of it. Other features import only
// from here (lint rule feature-entry-imports); tools/codemods/feature-entry-imports.mjs adds what they need.
import { Account } from './account.entity.js';
import { RoleGrant } from './role-grant.entity.js';
export { Account } from './account.entity.js';
export { RoleGrant } from './role-grant.entity.js';
export type { RoleGrantInput } from './dto/account.inputs.js';
export { accountsLoaders } from './accounts.loaders.js';
export { AccountsService } from './accounts.service.js';

/** The accounts feature's tables, for the entity list of the data source (entities.ts). */
export const accountsEntities = [Account, RoleGrant];
