import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type OperationTypeNode } from 'graphql';

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
