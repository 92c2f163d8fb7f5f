import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_PAGE_SIZE } from '@koop/domain';
import type { NextFunction, Request, Response } from 'express';
import {
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLSchema,
  isListType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { type ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import type { AppConfig } from '../config/index.js';

/**
 * How many items a list without a `first` argument is assumed to hold. Such lists are bounded by the
 * data (a cooperation's cities, a project's milestones), not by the client.
 */
export const ASSUMED_LIST_SIZE = 10;

interface LimitDetails {
  readonly limit: string;
  readonly maximum: number;
  readonly actual: number;
}

function limitError(message: string, details: LimitDetails, nodes?: OperationDefinitionNode): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { ...details } });
}

function atMost(maximum: number): string {
  return maximum === 1 ? 'at most 1 is allowed' : `at most ${maximum} are allowed`;
}

function operationLabel(operation: OperationDefinitionNode): string {
  return operation.name ? `The operation ${operation.name.value}` : 'The operation';
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/**
 * Folds a selection set, following fragment spreads once per fragment (memoised, so that a fragment
 * spread a thousand times costs one walk). Unknown and cyclic fragments count as nothing: graphql's own
 * rules report them.
 */
function selectionMeasure(
  document: DocumentNode,
  ofField: (field: { name: string; selectionSet?: SelectionSetNode }, inner: number) => number,
  combine: (values: number[]) => number,
): (selectionSet: SelectionSetNode) => number {
  const fragments = fragmentsOf(document);
  const known = new Map<string, number>();
  const visiting = new Set<string>();
  const measure = (selectionSet: SelectionSetNode): number =>
    combine(
      selectionSet.selections.map((selection) => {
        switch (selection.kind) {
          case Kind.FIELD:
            return ofField(
              { name: selection.name.value, selectionSet: selection.selectionSet },
              selection.selectionSet ? measure(selection.selectionSet) : 0,
            );
          case Kind.INLINE_FRAGMENT:
            return measure(selection.selectionSet);
          case Kind.FRAGMENT_SPREAD: {
            const name = selection.name.value;
            const cached = known.get(name);
            if (cached !== undefined) return cached;
            const fragment = fragments.get(name);
            if (!fragment || visiting.has(name)) return 0;
            visiting.add(name);
            const value = measure(fragment.selectionSet);
            visiting.delete(name);
            known.set(name, value);
            return value;
          }
        }
      }),
    );
  return measure;
}

/** Refuses operations whose fields nest deeper than `maxDepth` (`{ a { b } }` is 2 deep). */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    // Introspection fields do not count: introspection is allowed or refused as a whole.
    const depth = selectionMeasure(
      context.getDocument(),
      (field, inner) => (field.name.startsWith('__') ? 1 : 1 + inner),
      (values) => Math.max(0, ...values),
    );
    return {
      OperationDefinition(operation) {
        const actual = depth(operation.selectionSet);
        if (actual > maxDepth) {
          context.reportError(
            limitError(
              `${operationLabel(operation)} is ${actual} levels deep; ${atMost(maxDepth)}.`,
              { limit: 'depth', maximum: maxDepth, actual },
              operation,
            ),
          );
        }
      },
    };
  };
}

/** Refuses documents with more than `maxAliases` aliased fields: aliases multiply the work of one field. */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let actual = 0;
    return {
      Field(field) {
        if (field.alias) actual += 1;
      },
      Document: {
        leave() {
          if (actual > maxAliases) {
            context.reportError(
              limitError(`The document uses ${actual} aliases; ${atMost(maxAliases)}.`, {
                limit: 'aliases',
                maximum: maxAliases,
                actual,
              }),
            );
          }
        },
      },
    };
  };
}

/** Refuses operations that ask for more than `maxRootFields` top-level fields (fragments included). */
export function rootFieldLimitRule(maxRootFields: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const count = selectionMeasure(
      context.getDocument(),
      () => 1,
      (values) => values.reduce((sum, value) => sum + value, 0),
    );
    return {
      OperationDefinition(operation) {
        const actual = count(operation.selectionSet);
        if (actual > maxRootFields) {
          context.reportError(
            limitError(
              `${operationLabel(operation)} asks for ${actual} top-level fields; ${atMost(maxRootFields)}.`,
              { limit: 'rootFields', maximum: maxRootFields, actual },
              operation,
            ),
          );
        }
      },
    };
  };
}

/**
 * One point per field; a field with a `first` argument multiplies what it selects by that page size
 * (its default, or the API's default page size); any other list by ASSUMED_LIST_SIZE. The edges of a
 * connection are already counted by the connection's `first`.
 */
export function fieldCost({ field, args, childComplexity }: ComplexityEstimatorArgs): number {
  let size = 1;
  if (field.args.some((argument) => argument.name === 'first')) {
    size = typeof args['first'] === 'number' ? Math.max(args['first'], 0) : DEFAULT_PAGE_SIZE;
  } else if (isListType(getNullableType(field.type)) && !getNamedType(field.type).name.endsWith('Edge')) {
    size = ASSUMED_LIST_SIZE;
  }
  return 1 + size * childComplexity;
}

/**
 * The estimated cost of the operation, or null when it cannot be estimated because its variables are
 * invalid (execution refuses those before any resolver runs).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): number | null {
  // Only the chosen operation, with the fragments: the library's own operationName matching trips
  // over anonymous operations.
  const query: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      operation,
      ...document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION),
    ],
  };
  try {
    return getComplexity({ schema, query, variables, estimators: [fieldCost] });
  } catch (error) {
    if (error instanceof GraphQLError && error.nodes?.[0]?.kind === Kind.VARIABLE_DEFINITION) {
      return null;
    }
    // The library gives up on documents that expand to too many nodes: that is a cost beyond any limit.
    return Number.POSITIVE_INFINITY;
  }
}

/** How many variable sets' costs are kept per document. */
const COSTS_PER_DOCUMENT = 64;

/**
 * The cost of an operation, kept per parsed document and variables. Apollo hands the same DocumentNode for
 * the same query text (its document cache), so a client that sends the same operation again — as the
 * dashboard does — costs one map lookup instead of a walk over the schema.
 */
function costMemo() {
  const costs = new WeakMap<DocumentNode, Map<string, number | null>>();
  return (
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
  ): number | null => {
    let byVariables = costs.get(document);
    if (!byVariables) {
      byVariables = new Map();
      costs.set(document, byVariables);
    }
    const key = `${operation.name?.value ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    if (byVariables.has(key)) {
      return byVariables.get(key) ?? null;
    }
    const cost = operationCost(schema, document, operation, variables);
    if (byVariables.size >= COSTS_PER_DOCUMENT) byVariables.clear();
    byVariables.set(key, cost);
    return cost;
  };
}

/** Refuses an operation whose estimated cost is above `maxCost`, before any resolver runs. */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  const costOf = costMemo();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const actual = costOf(schema, document, operation, request.variables);
          if (actual === null || actual <= maxCost) return;
          const cost = Number.isFinite(actual)
            ? `has an estimated cost of ${actual}`
            : 'expands to too many fields to estimate its cost';
          throw new GraphQLError(
            `${operationLabel(operation)} ${cost}; at most ${maxCost} is allowed. Ask for fewer items (first) or fewer fields.`,
            {
              nodes: [operation],
              extensions: {
                code: 'GRAPHQL_VALIDATION_FAILED',
                limit: 'cost',
                maximum: maxCost,
                actual: Number.isFinite(actual) ? actual : null,
                http: { status: 400 },
              },
            },
          );
        },
      };
    },
  };
}

/** The validation rules of the limits, in the order their errors are reported. */
export function limitRules(limits: AppConfig['graphql']): ValidationRule[] {
  return [
    depthLimitRule(limits.maxDepth),
    aliasLimitRule(limits.maxAliases),
    rootFieldLimitRule(limits.maxRootFields),
  ];
}

/** Answers an HTTP request with one error in GraphQL's response shape. */
export function sendRequestError(
  res: Response,
  status: number,
  code: string,
  message: string,
  details: Partial<LimitDetails> = {},
): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...details } }] });
}

/**
 * Refuses batched requests and over-long queries before Apollo parses anything. Mounted on the
 * GraphQL path, after the body parser.
 */
export function graphqlRequestGuard(limits: AppConfig['graphql']) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const body: unknown = req.body;
    if (Array.isArray(body)) {
      sendRequestError(
        res,
        400,
        'BAD_REQUEST',
        `Batched requests are not accepted: send one operation per request (this request held ${body.length}).`,
        { limit: 'batch', maximum: 1, actual: body.length },
      );
      return;
    }
    const fromBody = body && typeof body === 'object' ? (body as { query?: unknown }).query : undefined;
    const query = typeof fromBody === 'string' ? fromBody : req.query['query'];
    if (typeof query === 'string' && query.length > limits.maxQueryLength) {
      sendRequestError(
        res,
        400,
        'BAD_REQUEST',
        `The query is ${query.length} characters long; ${atMost(limits.maxQueryLength)}.`,
        { limit: 'queryLength', maximum: limits.maxQueryLength, actual: query.length },
      );
      return;
    }
    next();
  };
}
