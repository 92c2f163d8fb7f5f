import { inject } from '@angular/core';
import { type CanActivateChildFn, Router } from '@angular/router';
import { AuthService } from './auth.service';

/** Who is signed in: an account, nobody (null), or unknown when the server could not be asked. */
type Me = Awaited<ReturnType<AuthService['current']>> | 'unknown';

/** The session check of the navigation under way: the guard runs once per route level it activates. */
let checked: { readonly navigation: number; readonly me: Promise<Me> } | null = null;

/**
 * Pages need a signed-in account; a new account first replaces its initial password. Asked afresh at every
 * page change (filters on the same page do not count), so that a session that ended meanwhile leads to
 * the sign-in page rather than to a page whose data are refused.
 */
export const signedInGuard: CanActivateChildFn = async (_route, state) => {
  const router = inject(Router);
  const auth = inject(AuthService);
  const navigation = router.currentNavigation()?.id ?? -1;
  if (checked?.navigation !== navigation) {
    checked = { navigation, me: auth.current().catch((): Me => 'unknown') };
  }
  const me = await checked.me;
  if (me === 'unknown') {
    // The server is out of reach: that says nothing about the session. The page says the server is away.
    return true;
  }
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
