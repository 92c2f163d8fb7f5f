/** One audited change, as the write path hands it to the audit log. */
export interface AuditRecord {
  readonly operation: string;
  readonly entity: string;
  readonly entityId: string | number;
  readonly before: object | null;
  readonly after: object | null;
}

/** A positive integer key, or null for anything else (a missing field, a list, a name). */
function key(value: unknown): number | null {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : null;
}

/** The value of `field` in the row after the change, or else before it. */
function keyOf(record: AuditRecord, field: string): number | null {
  const after = record.after as Record<string, unknown> | null;
  const before = record.before as Record<string, unknown> | null;
  return key(after?.[field]) ?? key(before?.[field]);
}

/**
 * The city and project an audited row belongs to, so that a city's or a project's history is found by
 * an index: a City or Project is its own scope; a row with a `cityId` or `projectId` (adoption,
 * satisfaction figures, milestone, membership) belongs to those.
 */
export function auditScopes(record: AuditRecord): { cityId: number | null; projectId: number | null } {
  return {
    cityId: record.entity === 'City' ? key(record.entityId) : keyOf(record, 'cityId'),
    projectId: record.entity === 'Project' ? key(record.entityId) : keyOf(record, 'projectId'),
  };
}

/**
 * The Nest token of the audit log's writer: the audit feature's AuditService, which AuditModule binds to it.
 * The write path injects it by this token and knows the class only as a type, so that the database layer
 * needs nothing of the audit feature when its modules load, and the features' entry files, which all lead
 * to the database layer, form no cycle through it.
 */
export const AUDIT_WRITER = Symbol('AuditWriter');
