import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { badInput, type FieldProblem } from './errors.js';

/** Constraints on the kind of value; when one fails, the others (length, range) only add noise. */
const TYPE_CONSTRAINTS = new Set([
  'isDefined',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isEnum',
  'isArray',
]);

/** Each violation as the field it concerns and why; type problems hide the others of the same field. */
export function problemsOf(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    const typeProblems = constraints.filter(([name]) => TYPE_CONSTRAINTS.has(name));
    const own = (typeProblems.length > 0 ? typeProblems : constraints).map(([, message]) => ({
      field,
      message,
    }));
    return [...own, ...problemsOf(error.children ?? [], field)];
  });
}

/** Validates every argument and input; a violation becomes BAD_USER_INPUT naming the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    // GraphQL already refuses fields the schema does not know; whitelisting would drop undecorated ones.
    whitelist: false,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => badInput(problemsOf(errors)),
  });
}
