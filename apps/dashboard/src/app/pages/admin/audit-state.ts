import type { AuditFilter } from '../../graphql/generated/graphql';
import { AUDIT_ENTITIES, AUDIT_OPERATIONS } from '../../shared/history/audit-kinds';

/** The filters of the audit page; all of them live in the URL. */
export interface AuditState {
  readonly entity: string | null;
  readonly operation: string | null;
  readonly accountId: string | null;
  /** First day, YYYY-MM-DD, in the user's time zone. */
  readonly from: string | null;
  /** Last day, YYYY-MM-DD, included. */
  readonly to: string | null;
}

/** The URL's query parameters, as the router hands them to the page's inputs. */
export interface AuditParams {
  readonly art?: string | null;
  readonly vorgang?: string | null;
  readonly konto?: string | null;
  readonly von?: string | null;
  readonly bis?: string | null;
}

export const NO_FILTER: AuditState = { entity: null, operation: null, accountId: null, from: null, to: null };

/** Page size of the audit page; "load more" adds as many again. */
export const AUDIT_PAGE_SIZE = 25;

function day(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
}

function oneOf(allowed: readonly string[], value: string | null | undefined): string | null {
  return value && allowed.includes(value) ? value : null;
}

/** Reads the filters from the URL; what it does not understand it leaves out. */
export function parseAuditState(params: AuditParams): AuditState {
  const account = params.konto?.trim();
  return {
    entity: oneOf(AUDIT_ENTITIES, params.art),
    operation: oneOf(AUDIT_OPERATIONS, params.vorgang),
    accountId: account && /^\d+$/.test(account) ? account : null,
    from: day(params.von),
    to: day(params.bis),
  };
}

/** The query parameters of the filters, those not set as null, so that merging removes them. */
export function auditParams(state: AuditState): Record<keyof AuditParams, string | null> {
  return {
    art: state.entity,
    vorgang: state.operation,
    konto: state.accountId,
    von: state.from,
    bis: state.to,
  };
}

/** True when the period ends before it begins. */
export function periodReversed(state: AuditState): boolean {
  return state.from !== null && state.to !== null && state.to < state.from;
}

/** How many filters narrow the log. */
export function activeFilters(state: AuditState): number {
  return Object.values(state).filter((value) => value !== null).length;
}

/**
 * The API's filter. A period's days are the user's days: from midnight of the first to the end of the
 * last, in the browser's time zone, as the entries' times are shown.
 */
export function auditFilter(state: AuditState): AuditFilter {
  return {
    ...(state.entity ? { entity: state.entity } : {}),
    ...(state.operation ? { operation: state.operation } : {}),
    ...(state.accountId ? { accountId: state.accountId } : {}),
    ...(state.from ? { from: new Date(`${state.from}T00:00:00`).toISOString() } : {}),
    ...(state.to ? { to: new Date(`${state.to}T23:59:59.999`).toISOString() } : {}),
  };
}
