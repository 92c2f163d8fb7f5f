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

/** For a required field in a partial update: may be left out, but not sent as null. */
export function UnlessOmitted(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
