// What a feature of the API is, for the codemod tools/codemods/feature-entry-imports.mjs and the lint rule
// tools/eslint/feature-entry-rule.mjs, so that both draw the same borders.
//
// Every top-level folder of apps/api/src is a feature, shared infrastructure (common/, config/, database/,
// graphql/, loaders/) and test support (testing/) included. Its entry file is `<feature>/index.ts`; every
// other file in the folder, at any depth, is the feature's inside. Files directly in apps/api/src (the app
// module, bootstrap, main, cli, and the assemblies: data-source, entities, graphql-context) are the
// composition root: they belong to no feature and may be imported by features (the test support starts
// the app), and they reach features through their entries — except for the wiring.
//
// The wiring of a feature is its Nest module and what only the module uses: resolvers, controllers and
// handlers. The composition root imports it directly; no entry exports it and no other feature imports it
// (a module whose services others use is @Global instead). So an entry holds only what is defined before
// any Nest module is — entities, inputs, models, services, functions — and importing an entry never runs
// another feature's resolvers or modules: that is what keeps the entries, which import each other in
// cycles, free of classes used before they are defined. Entities name the entities of other features
// as strings in their relations (`@ManyToOne('City')`) and import them as types only, for the same reason.
import path from 'node:path';

/** The folder of the API's sources, relative to the repository root. */
export const API_SOURCES = 'apps/api/src';

/** The file name of a feature's entry. */
export const ENTRY_FILE = 'index.ts';

/**
 * Where a source file of the API sits: `{ feature, inner }` with `inner` the path inside the feature folder,
 * `{ feature: null }` for a file of the composition root, or `null` outside apps/api/src.
 */
export function placeOf(file, sourcesRoot) {
  const relative = path.relative(sourcesRoot, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return null;
  }
  const parts = relative.split(path.sep);
  if (parts.length === 1) {
    return { feature: null, inner: relative };
  }
  return { feature: parts[0], inner: parts.slice(1).join('/') };
}

/** Whether a path inside a feature (`inner`) is wiring: a Nest module, resolver, controller or handler. */
export function isWiring(inner) {
  return /\.(module|resolver|controller|handler)\.ts$/.test(inner);
}

/**
 * Whether importing `target` from `importer` reaches into another feature's inside: the target lies in a
 * feature folder other than the importer's, and is neither that feature's entry file nor, for the
 * composition root, its wiring. Both are absolute paths
 * of TypeScript sources (an import's `.js` already mapped to `.ts`).
 */
export function reachesIntoOtherFeature(importer, target, sourcesRoot) {
  const from = placeOf(importer, sourcesRoot);
  const to = placeOf(target, sourcesRoot);
  if (from === null || to === null || to.feature === null) {
    return false;
  }
  if (to.feature === from.feature || to.inner === ENTRY_FILE) {
    return false;
  }
  return !(from.feature === null && isWiring(to.inner));
}

/** The TypeScript source a relative module specifier names (`./x.js` → `<dir>/x.ts`), or null if not one. */
export function sourceOfSpecifier(importer, specifier) {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) {
    return null;
  }
  const resolved = path.resolve(path.dirname(importer), specifier);
  if (resolved.endsWith('.js')) {
    return `${resolved.slice(0, -'.js'.length)}.ts`;
  }
  if (resolved.endsWith('.ts')) {
    return resolved;
  }
  // A data file (.json, .csv) or a folder: not a TypeScript module of a feature.
  return null;
}

/** The specifier by which `importer` names `target` (a .ts path), in the project's `.js` form. */
export function specifierFor(importer, target) {
  let relative = path.relative(path.dirname(importer), target).split(path.sep).join('/');
  if (!relative.startsWith('.')) {
    relative = `./${relative}`;
  }
  return `${relative.slice(0, -'.ts'.length)}.js`;
}
