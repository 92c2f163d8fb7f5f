import { ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';

/** PostgreSQL text cannot hold U+0000, and no reader means it: refused on both databases alike. */
@ValidatorConstraint({ name: 'noNul' })
export class NoNul implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value !== 'string' || !value.includes('\u0000');
  }
  defaultMessage(): string {
    return 'must not contain the character U+0000';
  }
}
