import { isIsoDate } from '@koop/domain';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function checkedDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new GraphQLError(`must be a calendar date written as YYYY-MM-DD, not ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** A calendar date without time, as `YYYY-MM-DD` (ISO 8601); the database stores the same text. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date without time, written as YYYY-MM-DD (ISO 8601).',
  parseValue: checkedDate,
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : checkedDate(value)),
  parseLiteral: (ast) => checkedDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
