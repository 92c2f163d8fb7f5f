import type { OidcSignInError } from '@koop/domain';
import { Controller, Get, Inject, Logger, NotFoundException, Req, Res } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { Public } from './access.decorator.js';
import { OIDC_PATH } from './oidc-paths.js';
import { OidcService, OidcSignInFailure, PENDING_SIGN_IN_MS, type PendingSignIn } from './oidc.service.js';
import { SessionService } from './session.service.js';

const PENDING_COOKIE = 'koop_oidc';
const SIGN_IN_PAGE = '/anmelden';

const pendingSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(43).max(128),
  returnTo: z.string(),
  expiresAt: z.number(),
});

/**
 * `value` when it is a path on this site (`/projekte?seite=2`), else `/`: never another origin, neither
 * `//host` nor `/\host`, which browsers read as one.
 */
export function safeReturnPath(value: unknown): string {
  if (
    typeof value !== 'string' ||
    value.length > 2000 ||
    !value.startsWith('/') ||
    /[\\\p{Cc}]/u.test(value)
  ) {
    return '/';
  }
  const base = 'http://koop.invalid';
  const url = new URL(value, base);
  if (url.origin !== base || value.startsWith('//')) {
    return '/';
  }
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * OpenID Connect sign-in: `login` sends the browser to the provider, `callback` takes it back, opens a
 * session and continues in the dashboard. Failures end on the sign-in page with `?fehler=<code>`.
 * Without OIDC configuration both answer 404.
 */
@Controller('auth/oidc')
@Public()
export class OidcController {
  private readonly logger = new Logger(OidcController.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly oidc: OidcService,
    private readonly sessions: SessionService,
  ) {}

  @Get('login')
  async login(@Req() request: Request, @Res() response: Response): Promise<void> {
    this.requireConfigured();
    response.setHeader('Cache-Control', 'no-store');
    try {
      const { url, pending } = await this.oidc.start(safeReturnPath(request.query['returnTo']));
      response.cookie(PENDING_COOKIE, JSON.stringify(pending), {
        ...this.pendingCookieOptions(),
        maxAge: PENDING_SIGN_IN_MS,
      });
      response.redirect(url.href);
    } catch (error) {
      this.fail(response, error);
    }
  }

  @Get('callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    this.requireConfigured();
    response.setHeader('Cache-Control', 'no-store');
    const stored: unknown = request.signedCookies?.[PENDING_COOKIE];
    // One attempt per started sign-in, whatever its outcome.
    response.clearCookie(PENDING_COOKIE, this.pendingCookieOptions());
    try {
      const pending = this.pendingFrom(stored);
      const query = new URL(request.originalUrl, 'http://koop.invalid').searchParams;
      const { token, expiresAt } = await this.oidc.finish(query, pending);
      this.sessions.setCookie(response, token, expiresAt);
      response.redirect(safeReturnPath(pending.returnTo));
    } catch (error) {
      this.fail(response, error);
    }
  }

  private requireConfigured(): void {
    if (!this.config.oidc) {
      throw new NotFoundException();
    }
  }

  /** Lax, not Strict: the cookie must come along when the provider sends the browser back. */
  private pendingCookieOptions(): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.session.cookieSecure,
      signed: true,
      path: OIDC_PATH,
    };
  }

  private pendingFrom(stored: unknown): PendingSignIn {
    if (stored === undefined) {
      throw new OidcSignInFailure('expired', 'no sign-in was started in this browser, or it has expired');
    }
    // cookie-parser gives `false` for a cookie whose signature does not match.
    const parsed = typeof stored === 'string' ? pendingSchema.safeParse(safeJson(stored)) : null;
    if (!parsed?.success) {
      throw new OidcSignInFailure('state-mismatch', 'the sign-in cookie is not one this server set');
    }
    return parsed.data;
  }

  private fail(response: Response, error: unknown): void {
    let code: OidcSignInError = 'failed';
    if (!(error instanceof OidcSignInFailure)) {
      this.logger.error(error instanceof Error ? error : String(error), 'OpenID Connect sign-in failed');
    } else if (['denied', 'expired', 'no-role'].includes(error.code)) {
      code = error.code;
      this.logger.log(`OpenID Connect sign-in ended (${code}): ${error.message}`);
    } else {
      code = error.code;
      this.logger.warn(`OpenID Connect sign-in failed (${code}): ${error.message}`);
    }
    response.redirect(`${SIGN_IN_PAGE}?fehler=${encodeURIComponent(code)}`);
  }
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}
