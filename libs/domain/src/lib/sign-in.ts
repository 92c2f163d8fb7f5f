/**
 * Why an OpenID Connect sign-in failed: the API redirects to `/anmelden?fehler=<code>` and the sign-in page
 * explains the code.
 */
export const OIDC_SIGN_IN_ERRORS = [
  /** The identity provider could not be reached or answered with a server error. */
  'unavailable',
  /** The sign-in took too long or was started in another browser: the short-lived sign-in cookie is gone. */
  'expired',
  /** The answer does not belong to the sign-in this browser started (tampered or replayed). */
  'state-mismatch',
  /** The person cancelled the sign-in or refused consent at the identity provider. */
  'denied',
  /** The identity provider reported another error. */
  'provider-error',
  /** The code exchange or the ID token failed validation. */
  'invalid-response',
  /** The identity carries none of this application's roles. */
  'no-role',
  /** The account is disabled. */
  'account-disabled',
  /** Something unexpected failed on this server; the error was logged. */
  'failed',
] as const;

/** A reason an OpenID Connect sign-in failed, as passed in `/anmelden?fehler=`. */
export type OidcSignInError = (typeof OIDC_SIGN_IN_ERRORS)[number];
