import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule, type AppExtras } from './app.module.js';
import { SESSION_COOKIE, SessionService, hashToken, type ActorRequest } from './auth/index.js';
import type { AppConfig } from './config/index.js';
import { runMigrations } from './data-source.js';
import { DemoSeeder } from './demo/index.js';
import { ensureFiguresCurrent } from './figures/index.js';
import { LiveStreamHandler, STREAM_PATH } from './live/live-stream.handler.js';
import { ensureSearchIndexCurrent } from './search/index.js';
import {
  NONCE_PLACEHOLDER,
  applyHttpTimeouts,
  graphqlInTurns,
  graphqlRequestGuard,
  pagePolicy,
  refuseSubscriptionsAtGraphql,
  useBodyParsers,
  useSecurityHeaders,
} from './security/index.js';

/** GraphQL answers are about the signed-in user and change with every write: no cache may keep them. */
function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/** Paths the API answers itself, never with the dashboard's index.html. */
const API_PATHS = /^\/(graphql|health|auth)(\/|$)/;

/**
 * Serves the built dashboard, with index.html for every client route. index.html is sent with the
 * response's CSP nonce in place of the placeholder, so that Angular's inlined styles may apply.
 */
function serveDashboard(app: NestExpressApplication, config: AppConfig): boolean {
  const root = resolve(config.dashboardDir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    return false;
  }
  const policy = pagePolicy(config);
  // Read for every page, as a static file would be: a new build is served without a restart.
  const sendIndex = (req: Request, res: Response, next: NextFunction) => {
    readFile(indexFile, 'utf8').then((index) => {
      const nonce = policy(req, res);
      // A stored copy would carry a nonce that no longer matches the policy of a later response.
      res.setHeader('Cache-Control', 'no-store');
      res.type('html').send(index.replaceAll(NONCE_PLACEHOLDER, nonce));
    }, next);
  };
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' && req.path === '/index.html') {
      sendIndex(req, res, next);
      return;
    }
    next();
  });
  // Not for the API's own paths: looking for a file there costs a round through the thread pool, which
  // under load is a round of the event loop behind every other request (/health would wait for it).
  const serveFile = express.static(root, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (API_PATHS.test(req.path)) {
      next();
      return;
    }
    serveFile(req, res, next);
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isPage = req.method === 'GET' && req.accepts('html') && !API_PATHS.test(req.path);
    if (!isPage || /\.[a-z0-9]+$/i.test(req.path)) {
      next();
      return;
    }
    sendIndex(req, res, next);
  });
  return true;
}

/** What cookie-parser made of one Cookie header, and the session token's hash in it. */
interface ReadCookies {
  readonly cookies: Record<string, unknown>;
  readonly signedCookies: Record<string, unknown>;
  readonly sessionTokenHash: string | null;
}

/** How many distinct Cookie headers are remembered at most (a few hundred bytes each). */
const REMEMBERED_COOKIE_HEADERS = 10_000;

/**
 * Reads the signed cookies of every request (cookie-parser) and puts the session's actor on it. A browser
 * sends the same Cookie header with each request, and checking its signature and hashing its token are
 * pure functions of it: both are done once per header and remembered.
 */
async function useSessions(app: NestExpressApplication): Promise<void> {
  const sessions = app.get(SessionService);
  const secret = await sessions.signingSecret();
  const parseCookies = cookieParser(secret);
  const remembered = new Map<string, ReadCookies>();
  const readCookies = (
    req: ActorRequest,
    res: Response,
    done: (read: ReadCookies) => void,
    fail: NextFunction,
  ) => {
    const header = req.headers.cookie;
    const known = header === undefined ? undefined : remembered.get(header);
    if (known) {
      req.secret = secret;
      req.cookies = known.cookies;
      req.signedCookies = known.signedCookies;
      done(known);
      return;
    }
    parseCookies(req, res, (error?: unknown) => {
      if (error) {
        fail(error);
        return;
      }
      const token: unknown = req.signedCookies?.[SESSION_COOKIE];
      const read: ReadCookies = {
        cookies: req.cookies as Record<string, unknown>,
        signedCookies: req.signedCookies as Record<string, unknown>,
        sessionTokenHash: typeof token === 'string' && token.length > 0 ? hashToken(token) : null,
      };
      if (header !== undefined) {
        if (remembered.size >= REMEMBERED_COOKIE_HEADERS) remembered.clear();
        remembered.set(header, read);
      }
      done(read);
    });
  };
  app.use((req: ActorRequest, res: Response, next: NextFunction) => {
    readCookies(
      req,
      res,
      ({ sessionTokenHash: tokenHash }) => {
        if (tokenHash === null) {
          next();
          return;
        }
        sessions.actorFor(tokenHash, req).then((actor) => {
          if (actor) {
            req.actor = actor;
            req.sessionTokenHash = tokenHash;
          }
          next();
        }, next);
      },
      next,
    );
  });
}

/** Builds the application: migrations applied, demo loaded when asked for, not yet listening. */
export async function createApp(config: AppConfig, extras: AppExtras = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, extras), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  applyHttpTimeouts(app.getHttpServer(), config.http);
  // The per-address sign-in limit counts by req.ip: behind a proxy, only the proxy knows the client.
  app.set('trust proxy', config.trustProxy === false ? false : structuredClone(config.trustProxy));
  useSecurityHeaders(app, config);
  // Dashboard bundles and GraphQL answers are text: compressed they are a fraction of the size.
  // Not the live streams: a compressor holds back what it has not filled a block with.
  app.use(
    compression({
      filter: (req, res) => !req.path.startsWith(STREAM_PATH) && compression.filter(req, res),
    }),
  );
  useBodyParsers(app, config);
  // Before Apollo (registered when the app initialises), so that a refused request is never parsed.
  // GraphQL requests start in turns, so that cheap requests (/health, files) are not held up by them.
  app.use(
    '/graphql',
    noStore,
    graphqlRequestGuard(config.graphql),
    refuseSubscriptionsAtGraphql(),
    graphqlInTurns(),
  );
  app.enableShutdownHooks();
  const logger = app.get(Logger);
  const dataSource = app.get(DataSource);
  try {
    const applied = await runMigrations(dataSource);
    if (applied.length > 0) {
      logger.log(`Applied migrations: ${applied.join(', ')}`, 'Database');
    }
    if (await ensureFiguresCurrent(dataSource)) {
      logger.log('Computed the summary figures from the raw rows.', 'Database');
    }
    if (await ensureSearchIndexCurrent(dataSource)) {
      logger.log('Built the search index from the rows.', 'Database');
    }
    if (config.demoData) {
      const loaded = await new DemoSeeder(dataSource).seedIfEmpty();
      if (loaded) {
        logger.log('Loaded the demo data into the empty database.', 'Demo');
      }
    }
  } catch (error) {
    await app.close();
    throw error;
  }
  await useSessions(app);
  // After the sessions (it needs the signed-in actor), before Apollo's /graphql (registered at init).
  app.use(STREAM_PATH, app.get(LiveStreamHandler).middleware());
  if (config.environment === 'production') {
    if (serveDashboard(app, config)) {
      logger.log(`Serving the dashboard from ${config.dashboardDir}`, 'Dashboard');
    } else {
      logger.warn(`No built dashboard in ${config.dashboardDir}; serving the API only.`, 'Dashboard');
    }
  }
  return app;
}
