import { CSV_FORMATS, type CsvFormat, type TableLanguage } from '@koop/domain';
import type { Type } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { badField, badInput, createValidationPipe, type FieldProblem } from '../common/index.js';

/** The query string as express hands it: a value, a repeated value, or nothing. */
export type QueryParams = Record<string, unknown>;

/** One text value of a parameter; a repeated parameter is refused rather than silently reduced to one. */
export function single(params: QueryParams, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw badField(name, 'must be given once, as text');
  return value;
}

/** A comma-separated list (`phase=LIVE,PILOT`), as the GraphQL filter's list. */
export function list(params: QueryParams, name: string): string[] | undefined {
  const value = single(params, name);
  return value === undefined ? undefined : value.split(',').map((item) => item.trim());
}

/** `true` or `false`; anything else is left for the filter's own rule to refuse. */
export function bool(params: QueryParams, name: string): boolean | string | undefined {
  const value = single(params, name);
  return value === 'true' ? true : value === 'false' ? false : value;
}

export function csvFormat(params: QueryParams): CsvFormat {
  const value = single(params, 'format') ?? 'excel-de';
  if (!CSV_FORMATS.includes(value as CsvFormat)) {
    throw badField('format', `must be one of ${CSV_FORMATS.join(', ')}`);
  }
  return value as CsvFormat;
}

export function language(params: QueryParams): TableLanguage {
  const value = single(params, 'lang') ?? 'de';
  if (value !== 'de' && value !== 'en') throw badField('lang', 'must be de or en');
  return value;
}

/**
 * Checks query parameters with the rules of the GraphQL filter they stand for (the same class-validator
 * class), so that an export refuses exactly what the view's query refuses. `names` maps the filter's field
 * names back to the parameters', so that the error names what the client sent.
 */
export async function validated<T extends object>(
  metatype: Type<T>,
  value: Record<string, unknown>,
  names: Record<string, string> = {},
): Promise<T> {
  const defined = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
  try {
    return (await createValidationPipe().transform(defined, { type: 'query', metatype })) as T;
  } catch (error) {
    const problems = error instanceof GraphQLError ? (error.extensions['fields'] as FieldProblem[]) : null;
    if (!problems) throw error;
    throw badInput(problems.map((p) => ({ ...p, field: names[p.field] ?? p.field })));
  }
}
