import { CombinedGraphQLErrors } from '@apollo/client';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** What went wrong with a request, in the API's own words: a code, a message and the fields at fault. */
export interface RequestProblem {
  readonly code: string;
  readonly message: string;
  readonly fields: readonly FieldProblem[];
  /** With CONFLICT: the current values of the row. */
  readonly current?: unknown;
}

export function requestProblem(error: unknown): RequestProblem {
  if (CombinedGraphQLErrors.is(error) && error.errors.length > 0) {
    const [first] = error.errors;
    const extensions = (first.extensions ?? {}) as {
      code?: string;
      fields?: FieldProblem[];
      field?: string;
      current?: unknown;
    };
    const fields =
      extensions.fields ?? (extensions.field ? [{ field: extensions.field, message: first.message }] : []);
    return {
      code: extensions.code ?? 'UNKNOWN',
      message: first.message,
      fields,
      current: extensions.current,
    };
  }
  return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error), fields: [] };
}

/** True when a request failed because the record it names does not exist (NOT_FOUND from the API). */
export function isNotFound(error: unknown): boolean {
  return error !== undefined && error !== null && requestProblem(error).code === 'NOT_FOUND';
}
