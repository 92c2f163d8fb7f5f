import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { getOperationAST, GraphQLError, parse, type OperationTypeNode } from 'graphql';

/**
 * Refuses operations of a type that /graphql does not run, before anything executes. graphql 16 has no
 * validation rule for an operation type without a root type: `subscription { … }` would reach execution
 * and come back as an INTERNAL_SERVER_ERROR, although it is the client that asked for something this
 * server does not offer. Subscriptions need a streaming transport, which plain GET and POST are not.
 */
export function offeredOperationsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation }) {
          if (!operation) return;
          const type: OperationTypeNode = operation.operation;
          if (type !== 'subscription' && schema.getRootType(type)) return;
          throw new GraphQLError(
            `This server does not run ${type} operations at /graphql; send a query or a mutation.`,
            {
              nodes: [operation],
              extensions: { code: 'BAD_REQUEST', operationType: type, http: { status: 400 } },
            },
          );
        },
      };
    },
  };
}

const SUBSCRIPTION_WORD = /\bsubscription\b/;

/**
 * Refuses subscription operations sent to /graphql before Apollo validates them. The schema has a
 * Subscription type (served over /graphql/stream), so Apollo's validation would answer first — with errors
 * about the operation's fields instead of the one that matters. Only a query that contains the word is
 * parsed here; every other request passes untouched.
 */
export function refuseSubscriptionsAtGraphql() {
  return (req: Request, res: Response, next: NextFunction): void => {
    // Mounted at /graphql: its sub-paths (the event streams at /graphql/stream) are not this endpoint.
    if (req.path !== '/') {
      next();
      return;
    }
    const body: unknown = req.body;
    const fromBody = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    const query = typeof fromBody['query'] === 'string' ? fromBody['query'] : req.query['query'];
    if (typeof query !== 'string' || !SUBSCRIPTION_WORD.test(query)) {
      next();
      return;
    }
    const name = fromBody['operationName'] ?? req.query['operationName'];
    let operation: OperationTypeNode | undefined;
    try {
      operation = getOperationAST(parse(query), typeof name === 'string' ? name : undefined)?.operation;
    } catch {
      // Apollo answers the syntax error.
    }
    if (operation !== 'subscription') {
      next();
      return;
    }
    res.status(400).json({
      errors: [
        {
          message: `This server does not run subscription operations at /graphql; send a query or a mutation.`,
          extensions: { code: 'BAD_REQUEST', operationType: 'subscription' },
        },
      ],
    });
  };
}
