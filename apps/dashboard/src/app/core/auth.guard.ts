import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { AuthService } from './auth.service';

/** Pages need a signed-in account; a new account first replaces its initial password. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const router = inject(Router);
  const me = await inject(AuthService)
    .current()
    .catch(() => null);
  if (!me) {
    return router.createUrlTree(['/anmelden'], { queryParams: { ziel: state.url } });
  }
  if (me.account.mustChangePassword && !state.url.startsWith('/passwort')) {
    return router.createUrlTree(['/passwort'], { queryParams: { ziel: state.url } });
  }
  return true;
};

/** Only a relative path of this site may be a target after signing in. */
export function safeTarget(target: string | null | undefined): string {
  return target && target.startsWith('/') && !target.startsWith('//') ? target : '/cockpit';
}
