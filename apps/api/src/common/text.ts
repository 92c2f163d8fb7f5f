import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Trims surrounding white space; an empty result counts as not given. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') {
      return value;
    }
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });
}

/**
 * Trims and lower-cases a username: "Anna.Berg" is the account "anna.berg", as sign-in already folds
 * what is typed, so that nobody is refused for a capital letter.
 */
export function NormalizeUsername(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') {
      return value;
    }
    const normalized = value.trim().toLowerCase();
    return normalized === '' ? null : normalized;
  });
}

/** For a required field in a partial update: may be left out, but not sent as null. */
export function UnlessOmitted(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
