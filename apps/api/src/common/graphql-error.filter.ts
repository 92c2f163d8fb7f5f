import { type ArgumentsHost, Catch, HttpStatus } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';

const HTTP_STATUS: Record<string, HttpStatus> = {
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
};

/**
 * Our own errors (bad input, not found, conflict) are answers, not faults: hand them to the client as
 * they are, so that only unexpected errors reach the error log. On an HTTP route (the access guard runs
 * there too) they become the matching status, not a 500.
 *
 * In GraphQL every error, expected or not, goes on to Apollo as it is: Apollo's formatError logs each one
 * that reaches the client as internal, once, with its stack — also those raised outside resolvers, which
 * never pass through a Nest filter. (Nest's own handler would log resolver errors a second time.)
 * On HTTP routes anything else goes to Nest's base filter, which answers 500 and logs it.
 */
@Catch()
export class GraphQLErrorFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') {
      // A returned Error is what graphql-js reports as the field's error; anything else would be a value.
      return exception instanceof Error ? exception : new Error(String(exception));
    }
    if (!(exception instanceof GraphQLError)) {
      return super.catch(exception, host);
    }
    const code = String(exception.extensions['code'] ?? 'INTERNAL_SERVER_ERROR');
    const status = HTTP_STATUS[code];
    if (status === undefined) {
      return super.catch(exception, host);
    }
    host.switchToHttp().getResponse<Response>().status(status).json({ code, message: exception.message });
    return undefined;
  }
}
