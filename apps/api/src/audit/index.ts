// The audit feature's one door: what the rest of the API uses of it. Other features import only
// from here (lint rule feature-entry-imports); tools/codemods/feature-entry-imports.mjs adds what they need.
import { AuditEntry } from './audit-entry.entity.js';
import { AuditEntryScope, AuditRowChange } from './audit-row-change.entity.js';
export { AuditEntry } from './audit-entry.entity.js';
export { AuditRowChange } from './audit-row-change.entity.js';
export { AuditFilter } from './dto/audit-log.args.js';
export { AuditLogService, changesOf } from './audit-log.service.js';
export { AuditService, auditEntryOf } from './audit.service.js';

/** The audit feature's tables, for the entity list of the data source (entities.ts). */
export const auditEntities = [AuditEntry, AuditRowChange, AuditEntryScope];
