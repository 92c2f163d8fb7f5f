import { requestProblem } from '../../core/graphql-errors';

/** What the API refused, in its words: the fields at fault (by input name) and a message for the whole form. */
export interface FormProblem {
  readonly fields: Readonly<Record<string, string>>;
  readonly general: string | null;
  readonly code: string;
}

/**
 * The problem of a failed mutation. Field messages name the field the API named (`title`,
 * `attendees.0.cityId` becomes `attendees`); anything not tied to a field of the form is general.
 */
export function formProblem(error: unknown, formFields: readonly string[], networkText: string): FormProblem {
  const problem = requestProblem(error);
  if (problem.code === 'NETWORK') {
    return { fields: {}, general: networkText, code: problem.code };
  }
  const fields: Record<string, string> = {};
  for (const { field, message } of problem.fields) {
    const name = field.split('.')[0] ?? field;
    if (formFields.includes(name) && !fields[name]) {
      // The API says "Invalid input. title: must not be empty"; beside the field, the reason is enough.
      fields[name] = message.replace(/^Invalid input\.\s*/, '').replace(new RegExp(`^${field}:\\s*`), '');
    }
  }
  const general = Object.keys(fields).length > 0 ? null : problem.message;
  return { fields, general, code: problem.code };
}
