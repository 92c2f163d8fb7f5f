import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config/config.js';
import { sendRequestError } from './graphql-limits.js';

/** The value of `ngCspNonce` in the dashboard's index.html, replaced by each request's nonce. */
export const NONCE_PLACEHOLDER = 'KOOP_CSP_NONCE';

/** The nonce of the response: scripts and styles the dashboard inlines carry it. */
export function cspNonce(res: Response | ServerResponse): string {
  return String((res as Response).locals['cspNonce']);
}

/** The Content-Security-Policy directives; `'nonce-…'` stands for the response's nonce. */
export function cspDirectives(config: AppConfig): Record<string, string[]> {
  const formTargets = ["'self'"];
  if (config.oidc) {
    // A sign-in form that posts to the API may be redirected on to the identity provider.
    formTargets.push(new URL(config.oidc.issuer).origin);
  }
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'", "'nonce-…'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'nonce-…'"],
    'img-src': ["'self'"],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': formTargets,
  };
}

/**
 * helmet with a strict Content-Security-Policy (nonce per response, no inline code without it, no
 * eval), no framing, no referrer, no MIME sniffing, HSTS in production.
 */
export function useSecurityHeaders(app: NestExpressApplication, config: AppConfig): void {
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.locals['cspNonce'] = randomBytes(16).toString('base64');
    next();
  });
  const directives = Object.fromEntries(
    Object.entries(cspDirectives(config)).map(([name, values]) => [
      name,
      values.map((value) =>
        value === "'nonce-…'" ? (_req: unknown, res: ServerResponse) => `'nonce-${cspNonce(res)}'` : value,
      ),
    ]),
  );
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives },
      // Over plain HTTP the header is ignored; behind HTTPS it keeps browsers from ever downgrading.
      strictTransportSecurity:
        config.environment === 'production' ? { maxAge: 31536000, includeSubDomains: true } : false,
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    next();
  });
}

/**
 * JSON and form bodies up to BODY_LIMIT_KB; a larger or broken body is answered with one error in
 * GraphQL's response shape instead of express's HTML page.
 */
export function useBodyParsers(app: NestExpressApplication, config: AppConfig): void {
  const limit = `${config.bodyLimitKb}kb`;
  app.useBodyParser('json', { limit });
  app.useBodyParser('urlencoded', { limit, extended: false });
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const problem = error as { type?: unknown; status?: unknown };
    if (typeof problem.type !== 'string' || typeof problem.status !== 'number' || problem.status >= 500) {
      next(error);
      return;
    }
    if (problem.type === 'entity.too.large') {
      sendRequestError(
        res,
        413,
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than the limit of ${config.bodyLimitKb} KB.`,
        { limit: 'bodyKb', maximum: config.bodyLimitKb },
      );
      return;
    }
    const reason = problem.type === 'entity.parse.failed' ? 'is not valid JSON' : 'cannot be read';
    sendRequestError(res, problem.status, 'BAD_REQUEST', `The request body ${reason}.`);
  });
}
