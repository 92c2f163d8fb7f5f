import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet, { contentSecurityPolicy } from 'helmet';
import type { AppConfig } from '../config/index.js';
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

type Middleware = (req: Request, res: Response, next: NextFunction) => void;
type NonceSource = (req: unknown, res: ServerResponse) => string;

/** The directives with each `'nonce-…'` replaced: by a function of the response, or left out. */
function directivesWith(
  config: AppConfig,
  nonce: NonceSource | null,
): Record<string, (string | NonceSource)[]> {
  return Object.fromEntries(
    Object.entries(cspDirectives(config)).map(([name, values]) => [
      name,
      values.flatMap((value): (string | NonceSource)[] =>
        value !== "'nonce-…'" ? [value] : nonce ? [nonce] : [],
      ),
    ]),
  );
}

/** The headers a middleware sets on a response, found by running it once on a stand-in. */
function headersSetBy(middleware: Middleware): [string, string][] {
  const headers = new Map<string, string>();
  const stand = {
    setHeader: (name: string, value: unknown) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
    getHeader: (name: string) => headers.get(name),
  };
  let done = false;
  middleware({} as Request, stand as unknown as Response, () => (done = true));
  if (!done) {
    throw new Error('The security headers depend on the request; they cannot be computed once.');
  }
  return [...headers];
}

/**
 * helmet with a strict Content-Security-Policy (no inline code, no eval), no framing, no referrer, no MIME
 * sniffing, HSTS in production. These headers are the same on every response, so they are computed once at
 * start and set from that list: helmet's dozen middlewares per request cost more than the whole GraphQL
 * answer of a small query. Only the dashboard's page needs a nonce (its inlined styles and scripts): it
 * gets its own policy with a fresh nonce from `pagePolicy`.
 */
export function useSecurityHeaders(app: NestExpressApplication, config: AppConfig): void {
  const headers = headersSetBy(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: directivesWith(config, null) },
      // Over plain HTTP the header is ignored; behind HTTPS it keeps browsers from ever downgrading.
      strictTransportSecurity:
        config.environment === 'production' ? { maxAge: 31536000, includeSubDomains: true } : false,
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    }) as Middleware,
  );
  headers.push(['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()']);
  app.disable('x-powered-by');
  app.use((_req: Request, res: Response, next: NextFunction) => {
    for (const [name, value] of headers) {
      res.setHeader(name, value);
    }
    next();
  });
}

/**
 * Gives an HTML page of the dashboard its Content-Security-Policy with a fresh nonce (the one policy that
 * differs per response) and returns the nonce, for the page's inlined code.
 */
export function pagePolicy(config: AppConfig): (req: Request, res: Response) => string {
  const policy = contentSecurityPolicy({
    useDefaults: false,
    directives: directivesWith(config, (_req, res) => `'nonce-${cspNonce(res)}'`),
  }) as Middleware;
  return (req, res) => {
    res.locals['cspNonce'] = randomBytes(16).toString('base64');
    policy(req, res, () => undefined);
    return cspNonce(res);
  };
}

interface BodyProblem {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/**
 * What went wrong with a request body, in words a client can act on; null when the error is not about the
 * body. body-parser marks its errors with a `type`, except a body that fails to decompress: that is zlib's
 * error with status 400 and zlib's own code.
 */
export function bodyProblem(error: unknown, req: Request, limitKb: number): BodyProblem | null {
  const problem = error as { type?: unknown; status?: unknown; code?: unknown; charset?: unknown };
  if (typeof problem.status !== 'number' || problem.status < 400 || problem.status >= 500) {
    return null;
  }
  const encoding = String(req.headers['content-encoding'] ?? '').toLowerCase();
  const bad = (message: string, status = 400) => ({ status, code: 'BAD_REQUEST', message });
  switch (problem.type) {
    case 'entity.too.large':
    case 'parameters.too.many':
      return {
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: `The request body is larger than the limit of ${limitKb} KB${encoding ? ' (once decompressed)' : ''}.`,
      };
    case 'entity.parse.failed':
      return bad('The request body is not valid JSON.');
    case 'encoding.unsupported':
      return bad(
        `The request body's content-encoding "${encoding}" is not supported; send it uncompressed or as gzip, deflate or br.`,
        415,
      );
    case 'charset.unsupported':
      return bad(
        `The request body's charset "${String(problem.charset ?? '')}" is not supported; send UTF-8.`,
        415,
      );
    case 'request.size.invalid':
      return bad('The request body does not have the length its Content-Length header declares.');
    case 'request.aborted':
      return bad('The request body was not sent completely.');
  }
  if (typeof problem.code === 'string' && problem.code.startsWith('Z_') && encoding) {
    return bad(`The request body is not valid ${encoding} data, as its content-encoding header declares.`);
  }
  return bad('The request body cannot be read.', problem.status);
}

/**
 * JSON and form bodies up to BODY_LIMIT_KB (also once decompressed); a larger or broken body is answered
 * with one error in GraphQL's response shape instead of express's HTML page or Nest's error object.
 */
export function useBodyParsers(app: NestExpressApplication, config: AppConfig): void {
  const limit = `${config.bodyLimitKb}kb`;
  app.useBodyParser('json', { limit });
  app.useBodyParser('urlencoded', { limit, extended: false });
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    const problem = bodyProblem(error, req, config.bodyLimitKb);
    if (!problem) {
      next(error);
      return;
    }
    sendRequestError(
      res,
      problem.status,
      problem.code,
      problem.message,
      problem.code === 'PAYLOAD_TOO_LARGE' ? { limit: 'bodyKb', maximum: config.bodyLimitKb } : {},
    );
  });
}
