// Codemod: features of the API meet only through their entry files.
//
//   npx node tools/codemods/feature-entry-imports.mjs           # rewrite in place, list what changed
//   npx node tools/codemods/feature-entry-imports.mjs --check   # change nothing; exit 1 if it would
//
// For every .ts file under apps/api/src it rewrites each relative import (and re-export) that reaches into
// another feature folder's inner file — `import { Project } from '../projects/project.entity.js'` — to that
// feature's entry file, `'../projects/index.js'`, merging it with an import of that entry the file already
// has. Then it makes sure each entry exports every name so imported: it adds the name to the entry's
// `export { … } from './file.js'` of the file that defines it, or adds such a line (`export type { … }` for a
// name that is only a type), and creates `<feature>/index.ts` when the feature had none. What a feature is
// and which imports count as reaching in is defined once, in tools/lib/api-features.mjs, shared with the lint
// rule (tools/eslint/feature-entry-rule.mjs) that keeps it so.
//
// An entry exports no wiring (Nest modules, resolvers, controllers, handlers): the codemod drops such lines
// from entries and points the composition root's imports of them at their files. The entry's re-exports
// are kept in layer order — entities, declarations (inputs, models, enums, decorators, SQL), services and
// functions — because an entry is evaluated top to bottom and the entries import each other in cycles: a
// class that another file's decorator reads at definition time must be defined before the files that
// import the entry back. Changed files are formatted with the project's Prettier settings. Running it again
// changes nothing; it is meant to be re-run after merging branches that added imports between features.
//
// It refuses (exit 2, with the places) what it cannot rewrite faithfully: a default or namespace import,
// `export *` or a dynamic import of another feature's inner file, two different things of one name that an
// entry would have to export, and a feature that imports another feature's wiring (make that module
// @Global instead). It warns about an entity that uses another feature's class at run time.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import ts from 'typescript';
import {
  API_SOURCES,
  ENTRY_FILE,
  isWiring,
  placeOf,
  reachesIntoOtherFeature,
  sourceOfSpecifier,
  specifierFor,
} from '../lib/api-features.mjs';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sourcesRoot = path.join(repositoryRoot, API_SOURCES);
const checkOnly = process.argv.includes('--check');

/** Every TypeScript source under apps/api/src, sorted for a stable report. */
function sourceFiles(folder) {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return sourceFiles(full);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
    })
    .sort();
}

const files = sourceFiles(sourcesRoot);

// The type checker tells a value (class, const, function, enum) from a type (interface, type alias), so
// that an entry re-exports a type with `export type` (the spec build compiles with isolatedModules).
const configFile = path.join(repositoryRoot, 'apps/api/tsconfig.spec.json');
const parsed = ts.getParsedCommandLineOfConfigFile(
  configFile,
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  },
);
const program = ts.createProgram({
  rootNames: [...new Set([...parsed.fileNames, ...files])],
  options: { ...parsed.options, noEmit: true },
});
const checker = program.getTypeChecker();

const problems = [];
const where = (sourceFile, node) => {
  const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  return `${path.relative(repositoryRoot, sourceFile.fileName)}:${line + 1}`;
};

/** The exported symbol `name` of module `file`, followed through aliases, or undefined. */
function exportedSymbol(file, name) {
  const sourceFile = program.getSourceFile(file);
  const moduleSymbol = sourceFile && checker.getSymbolAtLocation(sourceFile);
  const symbol = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((each) => each.name === name);
  if (!symbol) return undefined;
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function isValue(file, name) {
  const symbol = exportedSymbol(file, name);
  // An unknown name is left to the compiler to report; as a value it at least keeps runtime imports working.
  return symbol === undefined || (symbol.flags & ts.SymbolFlags.Value) !== 0;
}

const entryOf = (feature) => path.join(sourcesRoot, feature, ENTRY_FILE);

/** The file that declares what module `file` exports as `name` (following re-exports), or undefined. */
function declaringFile(file, name) {
  return exportedSymbol(file, name)?.declarations?.[0]?.getSourceFile().fileName;
}

/** Whether `file` is the wiring (module, resolver, controller, handler) of a feature. */
function isWiringFile(file) {
  const place = placeOf(path.resolve(file), sourcesRoot);
  return place !== null && place.feature !== null && isWiring(place.inner);
}

// ---------------------------------------------------------------------------------------------------------
// 1. Find every import of another feature's inside, and what each entry has to export.

/** feature → Map(name → { file, value }) of what its entry must export. */
const needed = new Map();
/** file → list of { node, entry, specifiers } rewrites. */
const rewrites = new Map();
/** file → list of { node, specifiers } imports of an entry by the composition root that name wiring. */
const splits = new Map();
/**
 * Files that moved when the features got their entries (relative to apps/api/src): an import of the old
 * place, from a branch merged later, is pointed at the new one. Any other import of a missing file is
 * refused.
 */
const MOVED = new Map([
  ['database/data-source.ts', 'data-source.ts'],
  ['database/entities.ts', 'entities.ts'],
]);

/** feature → inner files that must be evaluated for their side effects (`import './x.js'`). */
const sideEffects = new Map();

/**
 * The names an import or re-export lists (`typeOnly`: the whole clause is `type`), each registered with
 * `need` as an export the entry of `feature` must have.
 */
function listed(elements, typeOnly, feature, target, { sourceFile, node }) {
  const specifiers = elements.map((element) => ({
    imported: (element.propertyName ?? element.name).text,
    local: element.name.text,
    type: typeOnly || element.isTypeOnly,
  }));
  for (const each of specifiers) {
    need(feature, each.imported, target, !each.type && isValue(target, each.imported), sourceFile, node);
  }
  return specifiers;
}

function need(feature, name, file, value, sourceFile, node) {
  const names = needed.get(feature) ?? new Map();
  needed.set(feature, names);
  const known = names.get(name);
  if (known && known.file !== file && exportedSymbol(known.file, name) !== exportedSymbol(file, name)) {
    problems.push(
      `${where(sourceFile, node)}: ${feature}/${ENTRY_FILE} would export two different "${name}"`,
    );
    return;
  }
  names.set(name, { file: known?.file ?? file, value: value || (known?.value ?? false) });
}

for (const file of files) {
  const sourceFile = program.getSourceFile(file);
  const found = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const target = sourceOfSpecifier(file, node.moduleSpecifier.text);
      const to = target && placeOf(target, sourcesRoot);
      const from = placeOf(file, sourcesRoot);
      const missing = target && !existsSync(target) && !existsSync(target.replace(/\.ts$/, '.d.ts'));
      const movedTo =
        missing && to && MOVED.get(path.relative(sourcesRoot, target).split(path.sep).join('/'));
      if (movedTo) {
        found.push({ node, moveTo: path.join(sourcesRoot, movedTo) });
      } else if (missing) {
        problems.push(
          `${where(sourceFile, node)}: imports ${node.moduleSpecifier.text}, which does not exist`,
        );
      } else if (
        to?.feature &&
        to.feature !== from.feature &&
        to.inner === ENTRY_FILE &&
        ts.isImportDeclaration(node)
      ) {
        // The wiring is not exported by entries: the composition root imports it from its file.
        const specifiers = namedImports(node) ?? [];
        const wired = specifiers.filter((each) => isWiringFile(declaringFile(target, each.imported) ?? ''));
        if (wired.length > 0 && from.feature !== null) {
          problems.push(
            `${where(sourceFile, node)}: imports the wiring of ${to.feature} (${wired.map((each) => each.imported).join(', ')}); make its module @Global instead`,
          );
        } else if (wired.length > 0) {
          const list = splits.get(file) ?? [];
          list.push({ node, entry: target, specifiers, wired: new Set(wired.map((each) => each.imported)) });
          splits.set(file, list);
        }
      } else if (
        target &&
        existsSync(target) &&
        reachesIntoOtherFeature(file, target, sourcesRoot) &&
        isWiring(to.inner)
      ) {
        problems.push(
          `${where(sourceFile, node)}: imports the wiring of ${to.feature} (${to.inner}); make its module @Global, or move what others need out of it`,
        );
      } else if (target && existsSync(target) && reachesIntoOtherFeature(file, target, sourcesRoot)) {
        const { feature } = placeOf(target, sourcesRoot);
        const entry = entryOf(feature);
        if (ts.isImportDeclaration(node)) {
          const clause = node.importClause;
          if (!clause) {
            const list = sideEffects.get(feature) ?? new Set();
            list.add(target);
            sideEffects.set(feature, list);
            found.push({ node, entry, specifiers: null });
          } else if (clause.name || (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings))) {
            problems.push(
              `${where(sourceFile, node)}: a default or namespace import of another feature's file`,
            );
          } else {
            const specifiers = listed(clause.namedBindings.elements, clause.isTypeOnly, feature, target, {
              sourceFile,
              node,
            });
            found.push({ node, entry, specifiers });
          }
        } else if (!node.exportClause || !ts.isNamedExports(node.exportClause)) {
          problems.push(`${where(sourceFile, node)}: "export *" from another feature's file`);
        } else {
          const specifiers = listed(node.exportClause.elements, node.isTypeOnly, feature, target, {
            sourceFile,
            node,
          });
          found.push({ node, entry, specifiers, reexport: true });
        }
      }
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      const target = sourceOfSpecifier(file, node.arguments[0].text);
      if (target && existsSync(target) && reachesIntoOtherFeature(file, target, sourcesRoot)) {
        problems.push(`${where(sourceFile, node)}: a dynamic import of another feature's file`);
      }
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      const target = sourceOfSpecifier(file, node.argument.literal.text);
      if (target && existsSync(target) && reachesIntoOtherFeature(file, target, sourcesRoot)) {
        problems.push(`${where(sourceFile, node)}: an import() type of another feature's file`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  if (found.length > 0 || splits.has(file)) rewrites.set(file, found);
}

// An entity that uses another feature's class at run time imports that feature's entry, and with it the
// feature's services: the entries' cycles may then read a class before it is defined. Warn; the remedy is
// a relation by entity name (`@ManyToOne('City')`) and an `import type`.
const LEAF_FEATURES = new Set(['common', 'config', 'database']);
for (const file of files.filter((each) => each.endsWith('.entity.ts'))) {
  const sourceFile = program.getSourceFile(file);
  const from = placeOf(file, sourcesRoot);
  const valueNames = new Set();
  const collect = (node) => {
    if (
      ts.isIdentifier(node) &&
      !ts.isTypeReferenceNode(node.parent) &&
      !ts.isImportSpecifier(node.parent) &&
      !ts.isImportClause(node.parent)
    ) {
      valueNames.add(node.text);
    }
    ts.forEachChild(node, collect);
  };
  collect(sourceFile);
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const target = sourceOfSpecifier(file, statement.moduleSpecifier.text);
    const to = target && placeOf(target, sourcesRoot);
    if (!to?.feature || to.feature === from.feature || LEAF_FEATURES.has(to.feature)) continue;
    const used = (namedImports(statement) ?? []).filter((each) => !each.type && valueNames.has(each.local));
    if (used.length > 0) {
      process.stderr.write(
        `warning: ${where(sourceFile, statement)}: the entity uses ${used.map((each) => each.local).join(', ')} of ` +
          `${to.feature} at run time; name it as a string in the relation and import it as a type\n`,
      );
    }
  }
}

if (problems.length > 0) {
  process.stderr.write(`Cannot rewrite these; change them by hand and run again:\n${problems.join('\n')}\n`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------------
// 2. Rewrite the importing files.

const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** `{ A, B as C, type D }` with values first, each group by name; `allTypes` when the clause says `type`. */
function clauseText(specifiers, allTypes) {
  const text = (each) =>
    `${!allTypes && each.type ? 'type ' : ''}${each.imported === each.local ? each.imported : `${each.imported} as ${each.local}`}`;
  const values = specifiers.filter((each) => !each.type).sort((a, b) => byName(a.local, b.local));
  const types = specifiers.filter((each) => each.type).sort((a, b) => byName(a.local, b.local));
  return `{ ${[...values, ...types].map(text).join(', ')} }`;
}

/** The same binding imported twice (once as a type, once as a value) is one value import. */
function mergeSpecifiers(lists) {
  const merged = new Map();
  for (const each of lists.flat()) {
    const key = `${each.imported}\u0000${each.local}`;
    const known = merged.get(key);
    merged.set(key, known ? { ...each, type: known.type && each.type } : each);
  }
  return [...merged.values()];
}

function declarationText(keyword, specifiers, specifier) {
  const allTypes = specifiers.every((each) => each.type);
  return `${keyword}${allTypes ? ' type' : ''} ${clauseText(specifiers, allTypes)} from '${specifier}';`;
}

/** Named imports of a declaration that may take more names (no default, no namespace). */
function namedImports(node) {
  const clause = node.importClause;
  if (!clause || clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings))
    return null;
  return clause.namedBindings.elements.map((element) => ({
    imported: (element.propertyName ?? element.name).text,
    local: element.name.text,
    type: clause.isTypeOnly || element.isTypeOnly,
  }));
}

/** Applies [start, end, text] replacements, which do not overlap. */
function applyEdits(text, edits) {
  let result = text;
  for (const [start, end, replacement] of [...edits].sort((a, b) => b[0] - a[0])) {
    result = result.slice(0, start) + replacement + result.slice(end);
  }
  return result;
}

/** The end of a statement including the line break after it, so that removing it leaves no blank line. */
function endWithLineBreak(text, end) {
  return text[end] === '\n' ? end + 1 : end;
}

const changed = new Map();

for (const [file, found] of rewrites) {
  const sourceFile = program.getSourceFile(file);
  const text = sourceFile.getFullText();
  const edits = [];
  // Group the rewritten named imports with any import of the same entry the file already has.
  const groups = new Map();
  for (const each of found) {
    if (each.moveTo) {
      edits.push([
        each.node.moduleSpecifier.getStart(sourceFile),
        each.node.moduleSpecifier.getEnd(),
        `'${specifierFor(file, each.moveTo)}'`,
      ]);
      continue;
    }
    const specifier = specifierFor(file, each.entry);
    if (each.specifiers === null) {
      edits.push([
        each.node.moduleSpecifier.getStart(sourceFile),
        each.node.moduleSpecifier.getEnd(),
        `'${specifier}'`,
      ]);
    } else if (each.reexport) {
      edits.push([
        each.node.getStart(sourceFile),
        each.node.getEnd(),
        declarationText('export', each.specifiers, specifier),
      ]);
    } else {
      const group = groups.get(each.entry) ?? { specifier, members: [] };
      group.members.push(each);
      groups.set(each.entry, group);
    }
  }
  const split = splits.get(file) ?? [];
  for (const { node, entry, specifiers, wired } of split) {
    const kept = specifiers.filter((each) => !wired.has(each.imported));
    const byFile = new Map();
    for (const each of specifiers.filter((one) => wired.has(one.imported))) {
      const from = declaringFile(entry, each.imported);
      byFile.set(from, [...(byFile.get(from) ?? []), each]);
    }
    const lines = [
      ...(kept.length > 0 ? [declarationText('import', kept, specifierFor(file, entry))] : []),
      ...[...byFile]
        .sort()
        .map(([from, names]) => declarationText('import', names, specifierFor(file, from))),
    ];
    edits.push([node.getStart(sourceFile), node.getEnd(), lines.join('\n')]);
  }
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (split.some((each) => each.node === statement)) continue;
    const target = sourceOfSpecifier(file, statement.moduleSpecifier.text);
    const group = target && groups.get(target);
    const specifiers = group && namedImports(statement);
    if (specifiers) group.members.push({ node: statement, entry: target, specifiers });
  }
  for (const group of groups.values()) {
    const members = group.members.sort((a, b) => a.node.getStart(sourceFile) - b.node.getStart(sourceFile));
    const [first, ...rest] = members;
    const merged = mergeSpecifiers(members.map((each) => each.specifiers));
    // The comments above a merged import go with it, above the one import that remains.
    const comments = rest
      .map((other) => text.slice(other.node.getFullStart(), other.node.getStart(sourceFile)).trim())
      .filter((comment) => comment.length > 0);
    edits.push([
      first.node.getStart(sourceFile),
      first.node.getEnd(),
      [...comments, declarationText('import', merged, group.specifier)].join('\n'),
    ]);
    for (const other of rest) {
      const commented =
        text.slice(other.node.getFullStart(), other.node.getStart(sourceFile)).trim().length > 0;
      edits.push(
        commented
          ? [other.node.getFullStart(), other.node.getEnd(), '']
          : [other.node.getStart(sourceFile), endWithLineBreak(text, other.node.getEnd()), ''],
      );
    }
  }
  changed.set(file, applyEdits(text, edits));
}

// ---------------------------------------------------------------------------------------------------------
// 3. Make each entry export what the others import from it.

/**
 * The layer of a file by its name, so that an entry defines what others read at class-definition time
 * before what reads it: entities, then declarations (inputs, models, enums, decorators, SQL), then
 * services and functions, then resolvers and controllers, then the Nest module.
 */
function orderKey(specifier) {
  const file = specifier.replace(/^\.\//, '');
  const rank = /\.entity\.js$/.test(file)
    ? 0
    : /(^dto\/|\.(model|args|input|inputs|decorator|queries)\.js$|-enums\.js$)/.test(file)
      ? 1
      : /\.(resolver|controller|handler)\.js$/.test(file)
        ? 3
        : /\.module\.js$/.test(file)
          ? 4
          : 2;
  return `${rank}${file}`;
}

const headerFor = (feature) =>
  `// The ${feature} feature's one door: what the rest of the API uses of it. Other features import only\n` +
  `// from here (lint rule feature-entry-imports); tools/codemods/feature-entry-imports.mjs adds what they need.\n`;

for (const feature of new Set([...needed.keys(), ...sideEffects.keys()])) {
  const entry = entryOf(feature);
  const original = existsSync(entry) ? readFileSync(entry, 'utf8') : headerFor(feature);
  const text = changed.get(entry) ?? original;
  const sourceFile = ts.createSourceFile(entry, text, ts.ScriptTarget.Latest, true);

  // What the entry exports now, and its `export … from './file.js'` lines by file.
  const exported = new Map();
  const reexports = [];
  const starFrom = new Set();
  const sideEffectImports = new Set();
  for (const statement of sourceFile.statements) {
    if (ts.isExportDeclaration(statement)) {
      const from =
        statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
          ? sourceOfSpecifier(entry, statement.moduleSpecifier.text)
          : null;
      if (!statement.exportClause) {
        if (from) starFrom.add(from);
        continue;
      }
      if (!ts.isNamedExports(statement.exportClause)) continue;
      const specifiers = statement.exportClause.elements.map((element) => ({
        imported: (element.propertyName ?? element.name).text,
        local: element.name.text,
        type: statement.isTypeOnly || element.isTypeOnly,
      }));
      specifiers.forEach((each) => exported.set(each.local, { type: each.type, statement }));
      if (from) reexports.push({ statement, from, specifiers, specifier: statement.moduleSpecifier.text });
    } else if (
      ts.isImportDeclaration(statement) &&
      !statement.importClause &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      sideEffectImports.add(sourceOfSpecifier(entry, statement.moduleSpecifier.text));
    } else if (
      ts.canHaveModifiers(statement) &&
      ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    ) {
      const names = ts.isVariableStatement(statement)
        ? statement.declarationList.declarations.map((d) => d.name.getText(sourceFile))
        : statement.name
          ? [statement.name.text]
          : [];
      const type = ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement);
      names.forEach((name) => exported.set(name, { type, statement }));
    }
  }

  // Additions per file: names to add, and existing lines that gain names or lose a wrong `type`.
  const additions = new Map();
  for (const [name, { file, value }] of needed.get(feature) ?? []) {
    const known = exported.get(name);
    if (known && (!value || !known.type)) continue;
    if (!known && [...starFrom].some((from) => exportedSymbol(from, name) !== undefined)) continue;
    const list = additions.get(file) ?? [];
    list.push({ imported: name, local: name, type: !value });
    additions.set(file, list);
  }
  const missingSideEffects = [...(sideEffects.get(feature) ?? [])].filter(
    (file) => !sideEffectImports.has(file),
  );
  if (additions.size === 0 && missingSideEffects.length === 0) continue;

  const edits = [];
  const fresh = [];
  for (const [file, names] of additions) {
    // A name exported as a type that is now needed as a value: drop the old specifier, re-add it as a value.
    const upgraded = new Set(
      names.filter((each) => exported.get(each.imported)).map((each) => each.imported),
    );
    const existing =
      reexports.find((each) => each.from === file && !each.statement.isTypeOnly) ??
      reexports.find((each) => each.from === file && names.every((n) => n.type));
    if (existing) {
      const kept = existing.specifiers.filter((each) => !upgraded.has(each.local));
      const merged = mergeSpecifiers([kept, names]);
      edits.push([
        existing.statement.getStart(sourceFile),
        existing.statement.getEnd(),
        declarationText('export', merged, existing.specifier),
      ]);
    } else {
      fresh.push({ specifier: specifierFor(entry, file), names });
    }
    for (const name of upgraded) {
      const { statement } = exported.get(name);
      if (statement === existing?.statement || !ts.isExportDeclaration(statement)) continue;
      const rest = reexports
        .find((each) => each.statement === statement)
        .specifiers.filter((each) => each.local !== name);
      edits.push(
        rest.length === 0
          ? [statement.getStart(sourceFile), endWithLineBreak(text, statement.getEnd()), '']
          : [
              statement.getStart(sourceFile),
              statement.getEnd(),
              declarationText('export', rest, statement.moduleSpecifier.text),
            ],
      );
    }
  }
  // New lines go before the first existing re-export that sorts after them, else after the last one (or
  // after the imports, or at the end).
  const anchors = reexports.map((each) => ({
    key: orderKey(each.specifier),
    start: each.statement.getStart(sourceFile),
  }));
  const lastImport = [...sourceFile.statements].reverse().find((each) => ts.isImportDeclaration(each));
  const fallback =
    reexports.length > 0
      ? endWithLineBreak(text, reexports[reexports.length - 1].statement.getEnd())
      : lastImport
        ? endWithLineBreak(text, lastImport.getEnd())
        : text.length;
  const inserts = new Map();
  for (const line of fresh.sort((a, b) => byName(orderKey(a.specifier), orderKey(b.specifier)))) {
    const anchor = anchors.find((each) => byName(each.key, orderKey(line.specifier)) > 0);
    const at = anchor ? anchor.start : fallback;
    inserts.set(at, `${inserts.get(at) ?? ''}${declarationText('export', line.names, line.specifier)}\n`);
  }
  for (const [at, lines] of inserts) {
    const needsBreak = at === text.length && text.length > 0 && !text.endsWith('\n');
    edits.push([at, at, `${needsBreak ? '\n' : ''}${lines}`]);
  }
  // Side-effect imports of the feature's files go right after the header comment.
  if (missingSideEffects.length > 0) {
    const firstStatement = sourceFile.statements[0];
    const at = firstStatement ? firstStatement.getStart(sourceFile) : text.length;
    const lines = missingSideEffects.map((file) => `import '${specifierFor(entry, file)}';\n`).join('');
    edits.push([at, at, lines]);
  }
  changed.set(entry, applyEdits(text, edits));
}

// ---------------------------------------------------------------------------------------------------------
// 3b. Keep every entry's re-exports in layer order (orderKey), each with the comment above it.

function inLayerOrder(entry, text) {
  const sourceFile = ts.createSourceFile(entry, text, ts.ScriptTarget.Latest, true);
  const isReexport = (statement) =>
    ts.isExportDeclaration(statement) &&
    statement.moduleSpecifier &&
    ts.isStringLiteral(statement.moduleSpecifier);
  const positions = sourceFile.statements.flatMap((statement, index) =>
    isReexport(statement) ? [index] : [],
  );
  if (positions.length < 2) return text;
  if (positions[positions.length - 1] - positions[0] + 1 !== positions.length) {
    process.stderr.write(
      `${path.relative(repositoryRoot, entry)}: re-exports not in one block, left in their order\n`,
    );
    return text;
  }
  const chunks = positions.map((index, at) => {
    const statement = sourceFile.statements[index];
    const comment =
      at === 0 ? '' : text.slice(statement.getFullStart(), statement.getStart(sourceFile)).trim();
    return {
      key: orderKey(statement.moduleSpecifier.text),
      text: `${comment ? `${comment}\n` : ''}${text.slice(statement.getStart(sourceFile), statement.getEnd())}`,
    };
  });
  const sorted = [...chunks].sort((a, b) => byName(a.key, b.key));
  if (sorted.every((chunk, at) => chunk === chunks[at])) return text;
  const first = sourceFile.statements[positions[0]];
  const last = sourceFile.statements[positions[positions.length - 1]];
  return (
    text.slice(0, first.getStart(sourceFile)) +
    sorted.map((chunk) => chunk.text).join('\n') +
    text.slice(last.getEnd())
  );
}

/** An entry exports no wiring: its re-exports of modules, resolvers, controllers and handlers go. */
function withoutWiring(entry, text) {
  const sourceFile = ts.createSourceFile(entry, text, ts.ScriptTarget.Latest, true);
  const edits = sourceFile.statements
    .filter(
      (statement) =>
        ts.isExportDeclaration(statement) &&
        statement.moduleSpecifier &&
        ts.isStringLiteral(statement.moduleSpecifier) &&
        isWiringFile(sourceOfSpecifier(entry, statement.moduleSpecifier.text) ?? ''),
    )
    .map((statement) => [statement.getStart(sourceFile), endWithLineBreak(text, statement.getEnd()), '']);
  return applyEdits(text, edits);
}

const features = readdirSync(sourcesRoot, { withFileTypes: true }).filter((each) => each.isDirectory());
for (const { name } of features) {
  const entry = entryOf(name);
  const text = changed.get(entry) ?? (existsSync(entry) ? readFileSync(entry, 'utf8') : null);
  if (text === null) continue;
  const ordered = inLayerOrder(entry, withoutWiring(entry, text));
  if (ordered !== text) changed.set(entry, ordered);
}

// ---------------------------------------------------------------------------------------------------------
// 4. Format and write what changed.

const written = [];
for (const [file, text] of changed) {
  const options = (await prettier.resolveConfig(file)) ?? {};
  const formatted = await prettier.format(text, { ...options, filepath: file });
  const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (formatted === before) continue;
  written.push(path.relative(repositoryRoot, file));
  if (!checkOnly) writeFileSync(file, formatted);
}

if (written.length === 0) {
  process.stdout.write('Every import between features goes through an entry file.\n');
} else if (checkOnly) {
  process.stdout.write(
    `These files import another feature's inside or miss an export:\n${written.join('\n')}\n`,
  );
  process.exit(1);
} else {
  process.stdout.write(`Rewrote ${written.length} files:\n${written.join('\n')}\n`);
}
