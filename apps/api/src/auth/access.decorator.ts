import { Role } from '@koop/domain';
import { SetMetadata } from '@nestjs/common';

export const ACCESS_KEY = 'koop:access';

/**
 * Who may call an operation: `public` (anyone), `signedIn` (any account), or the roles listed. Scopes
 * (own city, own working group) are checked where the row is loaded. Every operation must declare one.
 */
export type AccessRule =
  | { readonly kind: 'public' }
  | { readonly kind: 'signedIn' }
  | { readonly kind: 'roles'; readonly roles: readonly Role[] };

export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);
export const SignedIn = () => SetMetadata(ACCESS_KEY, { kind: 'signedIn' } satisfies AccessRule);
export const Roles = (...roles: Role[]) =>
  SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule);

export const INITIAL_PASSWORD_KEY = 'koop:allowed-with-initial-password';
/** Still allowed while the account must replace its initial password (sign-out, password change, me). */
export const AllowedWithInitialPassword = () => SetMetadata(INITIAL_PASSWORD_KEY, true);
