import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '../common/index.js';
import type { Actor } from './actor.js';
import type { HttpContext } from './request-actor.js';

/** The signed-in actor of a GraphQL operation; the access guard has already refused anonymous callers. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = GqlExecutionContext.create(context).getContext<HttpContext>().req.actor;
  if (!actor) {
    throw unauthenticated();
  }
  return actor;
});

/** The request and response of a GraphQL operation, for cookies and the client's address. */
export const Http = createParamDecorator((_data: unknown, context: ExecutionContext): HttpContext =>
  GqlExecutionContext.create(context).getContext<HttpContext>(),
);
