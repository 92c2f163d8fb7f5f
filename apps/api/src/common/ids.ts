import { notFound } from './errors.js';

/** Turns a GraphQL ID into the numeric key; anything that cannot be a key does not exist. */
export function parseId(entity: string, id: string | number, field = 'id'): number {
  const text = String(id).trim();
  const value = /^[1-9]\d{0,15}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value)) {
    throw notFound(entity, text, field);
  }
  return value;
}
