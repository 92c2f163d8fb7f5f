// Lint rule feature-entry-imports: features of the API meet only through their entry files.
//
// An import (or re-export, or dynamic import) in apps/api/src that reaches into another feature folder's
// inner file is an error; so is an entry that re-exports a feature's wiring (Nest module, resolver,
// controller, handler), which only the composition root imports. What a feature is: tools/lib/api-features.mjs.
// `npx node tools/codemods/feature-entry-imports.mjs` fixes the first kind by itself.
import path from 'node:path';
import {
  API_SOURCES,
  ENTRY_FILE,
  isWiring,
  placeOf,
  reachesIntoOtherFeature,
  sourceOfSpecifier,
  specifierFor,
} from '../lib/api-features.mjs';

const marker = `${path.sep}${API_SOURCES.split('/').join(path.sep)}${path.sep}`;

/** @type {import('eslint').Rule.RuleModule} */
export const featureEntryImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Features of the API import each other only through their entry files (index.ts).' },
    schema: [],
    messages: {
      inner:
        "'{{specifier}}' reaches into the {{feature}} feature: import it from '{{entry}}' " +
        '(npx node tools/codemods/feature-entry-imports.mjs rewrites it and adds the export).',
      wiring:
        "'{{specifier}}' is the wiring of the {{feature}} feature, which only the composition root imports: " +
        'make its module @Global, or move what other features need out of it.',
      exportedWiring:
        "An entry exports no wiring: the composition root imports '{{specifier}}' from its file.",
    },
  },
  create(context) {
    const file = context.filename;
    const at = file.lastIndexOf(marker);
    if (at < 0) {
      return {};
    }
    const sourcesRoot = file.slice(0, at + marker.length - 1);
    const importer = placeOf(file, sourcesRoot);
    const isEntry = importer?.feature !== null && importer?.inner === ENTRY_FILE;

    function check(node, source) {
      if (!source || typeof source.value !== 'string') {
        return;
      }
      const target = sourceOfSpecifier(file, source.value);
      if (target === null) {
        return;
      }
      const to = placeOf(target, sourcesRoot);
      if (
        isEntry &&
        to?.feature === importer.feature &&
        isWiring(to.inner) &&
        node.type !== 'ImportDeclaration'
      ) {
        context.report({ node: source, messageId: 'exportedWiring', data: { specifier: source.value } });
        return;
      }
      if (!reachesIntoOtherFeature(file, target, sourcesRoot)) {
        return;
      }
      const data = {
        specifier: source.value,
        feature: to.feature,
        entry: specifierFor(file, path.join(sourcesRoot, to.feature, ENTRY_FILE)),
      };
      context.report({ node: source, messageId: isWiring(to.inner) ? 'wiring' : 'inner', data });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
    };
  },
};
