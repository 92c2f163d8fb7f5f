// Rules of the reuse catalogue (PRODUCT.md §5.4), shared by the API and the dashboard's forms.

/** How a reuse went, from 1 (badly) to 5 (very well). */
export const EXPERIENCE_MIN = 1;
export const EXPERIENCE_MAX = 5;

/** The licence value of a solution that has no open licence. */
export const PROPRIETARY_LICENCE = 'proprietary';

/** Longest contact text: a role and an office fit easily. */
export const CONTACT_MAX_LENGTH = 300;

/** Longest link to a solution. */
export const SOLUTION_URL_MAX_LENGTH = 2000;

// Salutations and titles that only ever precede a person's name.
const SALUTATION = /(^|[\s,;(])(herr|frau|hr\.|fr\.|dr\.|prof\.|mr\.|mrs\.|ms\.)(?=\s|$)/iu;
// A number that starts like a phone number (+49…, 0821…), with the separators phone numbers are written with.
const PHONE = /(?:\+|\b0)[\d\s/().-]{5,}\d/gu;
const EMAIL = /[^\s@<>(),;:]+@[^\s@<>(),;:]+\.[^\s@<>(),;:]+/gu;

/**
 * Why a contact is not a role and an office, or null when it is acceptable. The rule (a heuristic, since no
 * program can tell a name from an office name for sure): no salutation or title that precedes a person's
 * name (Herr, Frau, Dr. …), no phone number (+… or 0… with six digits or more), and an e-mail address only when it is a
 * functional mailbox — its local part a single word without dot or underscore (`digitalisierung@…`,
 * `ozg-team@…`); `vorname.nachname@…`, the pattern of personal addresses in German administrations, is refused.
 */
export function contactError(contact: string): string | null {
  if (contact.length > CONTACT_MAX_LENGTH) {
    return `must be at most ${CONTACT_MAX_LENGTH} characters`;
  }
  if (SALUTATION.test(contact)) {
    return 'must name a role and an office, not a person (no salutation such as Herr, Frau or Dr.)';
  }
  for (const address of contact.match(EMAIL) ?? []) {
    const local = address.slice(0, address.indexOf('@'));
    if (/[._]/u.test(local)) {
      return `must not contain a personal e-mail address (${address}); use a functional mailbox such as digitalisierung@…`;
    }
  }
  const numbers = contact.replace(EMAIL, '').match(PHONE) ?? [];
  if (numbers.some((number) => number.replace(/\D/gu, '').length >= 6)) {
    return 'must not contain a phone number; name a role and an office';
  }
  return null;
}

/** Why a link to a solution is not acceptable, or null when it is an absolute http(s) URL. */
export function solutionUrlError(url: string): string | null {
  if (url.length > SOLUTION_URL_MAX_LENGTH) {
    return `must be at most ${SOLUTION_URL_MAX_LENGTH} characters`;
  }
  // Checked by pattern, not with URL: this library runs without the DOM's or Node's globals.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (!scheme) {
    return 'must be an absolute URL such as https://…';
  }
  if (scheme !== 'https' && scheme !== 'http') {
    return 'must start with https:// or http://';
  }
  const authority = /^https?:\/\/([^/?#\s]*)/i.exec(url)?.[1] ?? '';
  if (authority.includes('@')) {
    return 'must not contain a user name or password';
  }
  if (!/^[^\s:]+(:\d{1,5})?$/.test(authority) || /\s/.test(url)) {
    return 'must be an absolute URL such as https://…';
  }
  return null;
}

/** Why an experience rating is not acceptable, or null when it is. */
export function experienceError(experience: number | null | undefined): string | null {
  if (experience === null || experience === undefined) {
    return null;
  }
  return Number.isInteger(experience) && experience >= EXPERIENCE_MIN && experience <= EXPERIENCE_MAX
    ? null
    : `must be a whole number from ${EXPERIENCE_MIN} to ${EXPERIENCE_MAX}`;
}
