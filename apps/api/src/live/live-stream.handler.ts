import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { NextFunction, Response } from 'express';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  subscribe,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
} from 'graphql';
import { createHandler, type Response as SseResponse } from 'graphql-sse';
import type { ActorRequest, HttpContext } from '../auth/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { limitRules } from '../security/index.js';
import { HEARTBEAT, LiveStreams, type OpenStream } from './live-streams.js';

/** Where the event streams are served. */
export const STREAM_PATH = '/graphql/stream';

const STATUS_OF_CODE: Record<string, number> = {
  BAD_REQUEST: 400,
  BAD_USER_INPUT: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  TOO_MANY_REQUESTS: 429,
};

interface StreamRequestContext {
  readonly res: Response;
}

function refusal(status: number, errors: readonly GraphQLFormattedError[]): SseResponse {
  return [
    JSON.stringify({ errors }),
    { status, statusText: '', headers: { 'content-type': 'application/json; charset=utf-8' } },
  ];
}

function send(res: Response, status: number, code: string, message: string, extra: object = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

/** `application/json` with parameters or none, compared as the media type's essence. */
function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * GraphQL subscriptions over Server-Sent Events at /graphql/stream, in graphql-sse's "distinct connections"
 * mode: one POST per subscription, answered with an event stream. The request is signed in by the session
 * cookie like /graphql, and the subscription's resolver runs behind the same access guard as every query.
 * Queries and mutations are not run here: they belong to POST /graphql with its limits and plugins.
 *
 * graphql-sse's protocol handler is used as it is; the few lines that hand its messages to Express are our
 * own (its Express adapter waits for each write to be flushed and keeps the rest in an unbounded queue,
 * where a slow client's backlog cannot be seen or bounded).
 */
@Injectable()
export class LiveStreamHandler {
  private readonly logger = new Logger('LiveStreams');
  private readonly rules;
  private readonly handle;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly streams: LiveStreams,
    private readonly moduleRef: ModuleRef,
  ) {
    this.rules = [...specifiedRules, ...limitRules(config.graphql)];
    this.handle = createHandler<ActorRequest, StreamRequestContext>({
      // Sessions come from the cookie; graphql-sse's "single connection" mode (stream tokens) is not offered.
      authenticate: () => null,
      onSubscribe: (req, params) => this.subscribe(req.raw, req.context.res, params.query, params),
      // onSubscribe validated the operation already.
      validate: () => [],
    });
  }

  /** The Express middleware, mounted after the session middleware. */
  middleware() {
    return (req: ActorRequest, res: Response, next: NextFunction): void => {
      this.serve(req, res).catch(next);
    };
  }

  private async serve(req: ActorRequest, res: Response): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      send(
        res,
        405,
        'BAD_REQUEST',
        `${STREAM_PATH} takes a POST with the subscription, as graphql-sse sends it.`,
      );
      return;
    }
    if (req.headers.accept !== 'text/event-stream') {
      send(
        res,
        406,
        'BAD_REQUEST',
        `${STREAM_PATH} answers with an event stream: send Accept: text/event-stream.`,
      );
      return;
    }
    // A media type a form or a simple request cannot send: a cross-site page cannot open a stream with the
    // user's cookie without a CORS preflight, which this origin does not grant (as Apollo's CSRF prevention).
    if (!isJson(req.headers['content-type'])) {
      send(res, 415, 'BAD_REQUEST', `${STREAM_PATH} takes the subscription as application/json.`);
      return;
    }
    if (!req.actor || !req.sessionTokenHash) {
      send(res, 401, 'UNAUTHENTICATED', 'Please sign in first.');
      return;
    }
    const admission = this.streams.admit(req.sessionTokenHash, res);
    if ('refused' in admission) {
      const { status, message, retryAfterSeconds } = admission.refused;
      res.setHeader('retry-after', String(retryAfterSeconds));
      send(res, status, 'TOO_MANY_REQUESTS', message, { retryAfterSeconds });
      return;
    }
    const [body, init] = await this.handle({
      method: req.method,
      url: req.originalUrl,
      headers: { get: (key) => [req.headers[key] ?? ''].flat().join('\n') || null },
      body: req.body as Record<string, unknown> | null,
      raw: req,
      context: { res },
    });
    if (!body || typeof body === 'string') {
      res.writeHead(init.status, init.headers).end(body ?? undefined);
      return;
    }
    // Tells proxies such as nginx not to hold the stream back in their buffers.
    res.writeHead(init.status, { ...init.headers, 'x-accel-buffering': 'no' });
    await this.pipe(body, admission.stream, res);
  }

  /** Hands every message to the client as it comes; graphql-sse's fixed 12 s pings give way to ours. */
  private async pipe(body: AsyncGenerator<string>, stream: OpenStream, res: Response): Promise<void> {
    const stop = () => void body.return(undefined);
    res.once('close', stop);
    let first = true;
    try {
      for await (const chunk of body) {
        if (chunk === HEARTBEAT && !first) continue;
        first = false;
        if (!stream.write(chunk, chunk.startsWith('event: next'))) break;
      }
    } finally {
      res.off('close', stop);
      await body.return(undefined);
      stream.end();
    }
  }

  private async subscribe(
    req: ActorRequest,
    res: Response,
    query: string,
    params: { operationName?: string | undefined; variables?: Record<string, unknown> | undefined },
  ): Promise<SseResponse | AsyncGenerator<ExecutionResult> | AsyncIterable<ExecutionResult>> {
    const schema = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return refusal(400, [{ message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }]);
    }
    const operation = getOperationAST(document, params.operationName);
    if (!operation) {
      return refusal(400, [
        {
          message: 'Send one operation, or name the one to run (operationName).',
          extensions: { code: 'BAD_REQUEST' },
        },
      ]);
    }
    if (operation.operation !== 'subscription') {
      return refusal(400, [
        {
          message: `${STREAM_PATH} runs subscriptions only; send ${operation.operation} operations to POST /graphql.`,
          extensions: { code: 'BAD_REQUEST', operationType: operation.operation },
        },
      ]);
    }
    const invalid = validate(schema, document, this.rules);
    if (invalid.length > 0) {
      return refusal(
        400,
        invalid.map((error) => ({
          ...error.toJSON(),
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...error.extensions },
        })),
      );
    }
    // No DataLoaders: a subscription lives for hours, and a loader's cache would keep rows that changed.
    const contextValue: HttpContext = { req, res };
    const result = await subscribe({
      schema,
      document,
      operationName: params.operationName ?? null,
      variableValues: params.variables ?? null,
      contextValue,
    });
    if (Symbol.asyncIterator in result) return result;
    return this.refused(result.errors ?? []);
  }

  /** A subscription the resolver refused: the HTTP status of the first error's code, as on other routes. */
  private refused(errors: readonly GraphQLError[]): SseResponse {
    const formatted = errors.map((error): GraphQLFormattedError => {
      const code = error.extensions['code'];
      if (typeof code === 'string' && code in STATUS_OF_CODE) return error.toJSON();
      // Errors in coercing the variables carry no code and no cause: the client's input.
      if (!error.originalError) return { ...error.toJSON(), extensions: { code: 'BAD_USER_INPUT' } };
      this.logger.error({ err: error.originalError }, `Live stream subscription failed: ${error.message}`);
      return this.config.environment === 'production'
        ? {
            message: 'Internal server error. The error was logged.',
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          }
        : { ...error.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    });
    const code = String(formatted[0]?.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR');
    return refusal(STATUS_OF_CODE[code] ?? 500, formatted);
  }
}
