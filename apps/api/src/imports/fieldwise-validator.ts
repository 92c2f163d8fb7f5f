import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { problemsOf, type FieldProblem } from '../common/index.js';

/*
 * class-validator (and class-transformer's @Trim) of a mutation's input, for the many rows of a file.
 * Validating 100,000 objects whole costs seconds; but every decorator of these inputs judges its own field
 * alone (the rules across fields are the services' own functions, run afterwards), so a field's verdict
 * depends on its value only, and a file has a few thousand distinct values. Each distinct value of a field
 * is validated once, inside an input that is valid otherwise, and its verdict and transformed value are
 * reused: the same messages as validating each row whole, at a fraction of the cost.
 */
/** The problems of a valid input: shared, never changed. */
const NONE: FieldProblem[] = [];
Object.freeze(NONE);

export class FieldwiseValidator<T extends object> {
  /** Per field, per value (numbers and text apart), the verdict. */
  private readonly verdicts = new Map<string, Map<unknown, { value: unknown; problems: FieldProblem[] }>>();

  /** `valid`: an input that passes every check, to hold the field under test. */
  constructor(
    private readonly type: ClassConstructor<T>,
    private readonly valid: Readonly<Record<string, unknown>>,
  ) {
    const problems = this.validate(valid);
    if (problems.length > 0) {
      throw new Error(`The valid ${type.name} is not valid: ${JSON.stringify(problems)}`);
    }
  }

  /** The input as the mutation would receive it, and each field's problems. */
  check(plain: Readonly<Record<string, unknown>>): { input: T; problems: FieldProblem[] } {
    const input = Object.create(this.type.prototype as object) as Record<string, unknown>;
    let problems: FieldProblem[] | null = null;
    for (const field in plain) {
      const verdict = this.verdict(field, plain[field]);
      input[field] = verdict.value;
      if (verdict.problems.length > 0) (problems ??= []).push(...verdict.problems);
    }
    return { input: input as T, problems: problems ?? NONE };
  }

  /** An input to fill field by field with `take`: for a loop over many rows, without a plain object each. */
  start(): T {
    return Object.create(this.type.prototype as object) as T;
  }

  /**
   * Sets a field of `input` as the mutation would receive it; returns `problems` with the field's problems
   * added (null while there are none).
   */
  take(input: T, field: string, value: unknown, problems: FieldProblem[] | null): FieldProblem[] | null {
    const verdict = this.verdict(field, value);
    (input as Record<string, unknown>)[field] = verdict.value;
    if (verdict.problems.length === 0) return problems;
    return problems === null ? [...verdict.problems] : [...problems, ...verdict.problems];
  }

  /** The verdict on one value of a field, validated the first time it comes. */
  private verdict(field: string, value: unknown): { value: unknown; problems: FieldProblem[] } {
    let ofField = this.verdicts.get(field);
    if (!ofField) {
      ofField = new Map();
      this.verdicts.set(field, ofField);
    }
    let verdict = ofField.get(value);
    if (!verdict) {
      const probe = plainToInstance(this.type, { ...this.valid, [field]: value });
      verdict = {
        value: (probe as Record<string, unknown>)[field],
        problems: this.validate(probe).filter((p) => p.field === field || p.field.startsWith(`${field}.`)),
      };
      ofField.set(value, verdict);
    }
    return verdict;
  }

  private validate(input: object): FieldProblem[] {
    const instance = input instanceof this.type ? input : plainToInstance(this.type, input);
    return problemsOf(
      validateSync(instance, { forbidUnknownValues: true, validationError: { target: false, value: false } }),
    );
  }
}
