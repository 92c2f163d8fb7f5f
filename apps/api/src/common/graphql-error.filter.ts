import { type ArgumentsHost, Catch, HttpStatus } from '@nestjs/common';
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
 */
@Catch(GraphQLError)
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(exception: GraphQLError, host: ArgumentsHost): GraphQLError | undefined {
    if (host.getType() !== 'http') {
      return exception;
    }
    const code = String(exception.extensions['code'] ?? 'INTERNAL_SERVER_ERROR');
    const status = HTTP_STATUS[code] ?? HttpStatus.INTERNAL_SERVER_ERROR;
    host.switchToHttp().getResponse<Response>().status(status).json({ code, message: exception.message });
    return undefined;
  }
}
