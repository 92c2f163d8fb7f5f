import { GraphQLError } from 'graphql';

export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** Input that breaks a rule: names each field and why. */
export function badInput(problems: readonly FieldProblem[]): GraphQLError {
  const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return new GraphQLError(`Invalid input. ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', field: problems[0]?.field, fields: problems },
  });
}

export function badField(field: string, message: string): GraphQLError {
  return badInput([{ field, message }]);
}

/** An id that names no row; the message names the field that carried it, as for bad input. */
export function notFound(entity: string, id: string | number, field = 'id'): GraphQLError {
  return new GraphQLError(`${field}: ${entity} ${JSON.stringify(String(id))} does not exist.`, {
    extensions: { code: 'NOT_FOUND', entity, id: String(id), field },
  });
}

/** A write based on a version the client saw that is no longer current. */
export function conflict(entity: string, message: string, current: unknown): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', entity, current } });
}

/**
 * A row the database refused because another with the same unique key was saved at the same time;
 * `current` is that other row when it can be found.
 */
export function duplicate(entity: string, columns: readonly string[], current: unknown): GraphQLError {
  const key = columns.length > 0 ? columns.join(' and ') : 'key';
  return new GraphQLError(
    `Another ${entity} with the same ${key} was saved at the same time. Reload and try again.`,
    {
      extensions: {
        code: 'CONFLICT',
        entity,
        ...(columns.length === 1 ? { field: columns[0] } : {}),
        fields: columns,
        current,
      },
    },
  );
}

/** The request needs a signed-in account. */
export function unauthenticated(message = 'Please sign in first.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

/** The signed-in account may not do this. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** Too many attempts; `retryAfterSeconds` says when to try again. */
export function tooManyRequests(message: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds } });
}
