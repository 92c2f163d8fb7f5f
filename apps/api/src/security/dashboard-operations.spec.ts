import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_PAGE_SIZE } from '@koop/domain';
import {
  buildSchema,
  type DocumentNode,
  getNullableType,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  parse,
  typeFromAST,
  validate,
} from 'graphql';
import { loadConfig } from '../config/index.js';
import { limitRules, operationCost } from './graphql-limits.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const schema = buildSchema(readFileSync(join(ROOT, 'apps/api/schema.graphql'), 'utf8'));
const limits = loadConfig({}).graphql;

/** A value for every variable, the largest page the API allows for `first`. */
function sampleValue(type: GraphQLInputType, name: string): unknown {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return [sampleValue(inner.ofType, name)];
  if (isEnumType(inner)) return inner.getValues()[0]?.value;
  if (isInputObjectType(inner)) {
    return Object.fromEntries(
      Object.values(inner.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sampleValue(field.type, field.name)]),
    );
  }
  switch (inner.name) {
    case 'Int':
      return name === 'first' ? MAX_PAGE_SIZE : 2024;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    default:
      return /^(from|to)$/.test(name) ? '2024-01' : '1';
  }
}

function dashboardOperations(): {
  name: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
}[] {
  const folder = join(ROOT, 'apps/dashboard/src');
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.graphql'))
    .flatMap((entry) => {
      const document = parse(readFileSync(join(entry.parentPath, entry.name), 'utf8'));
      const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
      return document.definitions
        .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
        .map((operation) => ({
          name: `${entry.name} ${operation.name?.value ?? '(anonymous)'}`,
          document: { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] } as DocumentNode,
          operation,
        }));
    });
}

describe("the dashboard's operations", () => {
  const operations = dashboardOperations();

  it('are found', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it.each(operations.map((o) => [o.name, o] as const))(
    '%s stays within the default limits, with the largest pages',
    (_name, { document, operation }) => {
      expect(validate(schema, document, limitRules(limits)).map((e) => e.message)).toEqual([]);
      const variables = Object.fromEntries(
        (operation.variableDefinitions ?? []).map((definition) => [
          definition.variable.name.value,
          sampleValue(
            typeFromAST(schema, definition.type) as GraphQLInputType,
            definition.variable.name.value,
          ),
        ]),
      );
      const cost = operationCost(schema, document, operation, variables);
      expect(cost).not.toBeNull();
      expect(cost).toBeLessThanOrEqual(limits.maxCost);
    },
  );
});
