import { AsyncLocalStorage } from 'node:async_hooks';
import { Global, Inject, Injectable, Module } from '@nestjs/common';
import type { DeepPartial, EntityManager, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { AuditService } from '../audit/index.js';
import type { Actor } from '../auth/index.js';
import { conflict, duplicate, forbidden, notFound, parseId } from '../common/index.js';
import { AUDIT_WRITER, auditScopes, type AuditRecord } from './audit-writer.js';
import { ChangeEvents, type ChangeEvent } from './change-events.js';
import { concernedCooperations, concernedCooperationsOfMany } from './change-scope.js';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { columnsOf, rowsParameters, rowsTable } from './json-rows.js';
import { dialectOf } from './dialect.js';
import { namedQuery } from './named-query.js';
import { Transactions } from './transactions.js';
import { uniqueViolation } from './unique-violation.js';

/*
 * The one way the application changes its data. A mutation states what differs — which row, who may
 * change it, what changes — and a step of the write path does the rest, in this order:
 *
 *   transaction → load the row or NOT_FOUND (naming the input field) → authorize (FORBIDDEN)
 *   → version check (CONFLICT with the current row, inside the UPDATE) → write → audit entry
 *   → commit → change event
 *
 * Steps: `create` (a new row beneath the rows it belongs to), `change` (an existing row, with the version
 * the client saw), `append` (a row beneath a parent whose current state it moves, such as a status update
 * of a project), `upsert` (create or change by a natural key, such as the adoption of a service by a city)
 * `upsertMany` (many rows by their natural key at once, for imports) and `untracked` (rows nobody edits or
 * sees: sessions, failed sign-ins). `inOneTransaction` runs several steps as one. A duplicate unique key, whoever wins the race, is CONFLICT, never an internal error.
 */

/** A row with a numeric key, as every table here has. */
export interface Keyed extends ObjectLiteral {
  id: number;
}

/** A row that counts its changes: whoever changes it sends the version they saw. */
export interface Versioned extends Keyed {
  version: number;
}

export interface EntityClass<Row> {
  new (): Row;
  readonly name: string;
}

/** Which row: its id as the client sent it, and the input field that carried it. */
export interface RowRef<Row extends Keyed> {
  readonly entity: EntityClass<Row>;
  readonly id: string | number;
  /** Named in NOT_FOUND; `id` unless said otherwise. */
  readonly field?: string;
}

export function rowOf<Row extends Keyed>(
  entity: EntityClass<Row>,
  id: string | number,
  field = 'id',
): RowRef<Row> {
  return { entity, id, field };
}

/** `true`, or why not: the message of the FORBIDDEN answer. */
export type Permission = true | string;

/** For writes that the resolver's roles alone decide (an administrator's): the rows narrow nothing. */
export const byRoleAlone = (): Permission => true;

/** The rows a new row belongs to, loaded in this order (NOT_FOUND names the field of the first missing). */
export type Parents = Readonly<Record<string, RowRef<Keyed>>>;

export type LoadedParents<P extends Parents> = {
  readonly [K in keyof P]: P[K] extends RowRef<infer Row> ? Row : never;
};

/** What the audit entry shows before and after the change. */
export interface AuditValues {
  readonly before: object | null;
  readonly after: object | null;
}

/** What a step's own writes of other rows return, for the audit entry and the result. */
type Extra = object | undefined;

type Maybe<T> = T | Promise<T>;

export interface CreateSpec<Row extends Keyed, P extends Parents, X extends Extra> {
  /** Named in the audit entry and the change event, e.g. addMilestone. */
  readonly operation: string;
  readonly entity: EntityClass<Row>;
  /** How messages name the row; from the entity's name unless given. */
  readonly label?: string;
  readonly parents?: P;
  /** Who may create it, judged on the parents. */
  readonly authorize: (parents: LoadedParents<P>, actor: Actor, manager: EntityManager) => Maybe<Permission>;
  /** The new row; throw bad input here. Rows with a version start at 1. */
  readonly values: (parents: LoadedParents<P>, manager: EntityManager) => Maybe<DeepPartial<NoInfer<Row>>>;
  /** Rows that belong to the new one (members, grants); what it returns is added to the audit entry. */
  readonly write?: (row: NoInfer<Row>, manager: EntityManager, parents: LoadedParents<P>) => Promise<X>;
  /** Whom the audit entry names, when not the actor: the new row itself, for an account created at its own sign-in. */
  readonly author?: (row: NoInfer<Row>) => Actor;
}

export interface ChangeSpec<Row extends Versioned, X extends Extra, R> {
  readonly operation: string;
  readonly row: RowRef<Row>;
  /** The version the client saw. */
  readonly version: number | null | undefined;
  readonly label?: string;
  /** Who may change it, judged on the row as it is. */
  readonly authorize: (row: Row, actor: Actor, manager: EntityManager) => Maybe<Permission>;
  /** The row's new values, set in the UPDATE that checks the version; throw bad input here. */
  readonly values?: (row: Row, manager: EntityManager) => Maybe<QueryDeepPartialEntity<NoInfer<Row>>>;
  /** Writes to other rows after the row changed (members, grants, a status update). */
  readonly write?: (after: Row, before: Row, manager: EntityManager) => Promise<X>;
  /** What the audit entry shows; the rows before and after (with what `write` returned) unless given. */
  readonly audit?: (before: Row, after: Row, extra: X) => AuditValues;
  /** What the mutation answers; the changed row unless given. */
  readonly result?: (after: Row, extra: X) => R;
}

export interface UpsertSpec<Row extends Versioned, P extends Parents> {
  readonly operation: string;
  readonly entity: EntityClass<Row>;
  readonly label?: string;
  readonly parents: P;
  readonly authorize: (parents: LoadedParents<P>, actor: Actor, manager: EntityManager) => Maybe<Permission>;
  /** The natural key that finds the row if it exists. */
  readonly key: (parents: LoadedParents<P>) => FindOptionsWhere<NoInfer<Row>>;
  /** The version the client saw; none when it saw no row. */
  readonly version: number | null | undefined;
  /** The row's values, key included: the new row, or the changes of the existing one. */
  readonly values: (parents: LoadedParents<P>, manager: EntityManager) => Maybe<DeepPartial<NoInfer<Row>>>;
  /**
   * Writes to other rows after the row was written (the adoption's history); what it returns is added to
   * the audit entry's after (the warnings the answer gives).
   */
  readonly write?: (after: Row, before: Row | null, manager: EntityManager) => Promise<Extra | void>;
}

/** One row of a batch as it was (null when new) and as it is now. */
export interface BatchChange<Row> {
  readonly before: Row | null;
  readonly after: Row;
}

/** A row of a batch about to be written: as it is, and the values it is given. */
export interface PlannedChange<Row> {
  readonly before: Row | null;
  readonly values: Partial<Row>;
}

export interface UpsertManySpec<Row extends Versioned> {
  readonly operation: string;
  readonly entity: EntityClass<Row>;
  readonly label?: string;
  /** The columns of the natural key, a unique constraint of the table (project, city, month). */
  readonly key: readonly (keyof Row & string)[];
  /** The columns that tell a changed row from an unchanged one; the others (a time stamp) just go along. */
  readonly compared: readonly (keyof Row & string)[];
  /** The rows' values, key included, every one with the same columns; no key twice. */
  readonly rows: readonly Partial<Row>[];
  /** Who may write a row, judged on its values (the batch's rows are all checked before any is written). */
  readonly authorize: (values: Partial<NoInfer<Row>>, actor: Actor) => Permission;
  /** Only count what would be created, changed and left as it is; write nothing. */
  readonly dryRun?: boolean;
  /** What the batch's audit entry says of it as a whole (the file's name and hash); the counts are added. */
  readonly summary?: Readonly<Record<string, unknown>>;
  /** The column that tells the batch's rows apart beside their city and project (a month), for the audit log. */
  readonly auditKey?: keyof Row & string;
  /** Before the changed rows are written (summary figures: take out what their scope counts now). */
  readonly beforeWrite?: (
    changes: readonly PlannedChange<NoInfer<Row>>[],
    manager: EntityManager,
  ) => Promise<void>;
  /** After they were written: rows that belong to them (history) and summary figures. */
  readonly write?: (changes: readonly BatchChange<NoInfer<Row>>[], manager: EntityManager) => Promise<void>;
  /**
   * After they were written, for work that needs no rows (summary figures of the batch's scope): spares a
   * large batch building each row as it is now.
   */
  readonly afterWrite?: (manager: EntityManager) => Promise<void>;
}

/** What a batch did (or, in a dry run, would do). */
export interface BatchCounts {
  readonly created: number;
  readonly changed: number;
  readonly unchanged: number;
}

/** Steps that run in one transaction; the manager reads and writes within it. */
export interface WriteUnit {
  readonly manager: EntityManager;
  create<Row extends Keyed, P extends Parents = Record<never, never>, X extends Extra = undefined>(
    actor: Actor,
    spec: CreateSpec<Row, P, X>,
  ): Promise<Row>;
  change<Row extends Versioned, X extends Extra = undefined, R = Row>(
    actor: Actor,
    spec: ChangeSpec<Row, X, R>,
  ): Promise<R>;
  /**
   * Like `change`, for a write that adds to a row's history and moves its current state (a status update
   * of a project). Two such writes at once are both kept, in order, so the version is checked only when the
   * client sends the one it saw.
   */
  append<Row extends Versioned, X extends Extra = undefined, R = Row>(
    actor: Actor,
    spec: ChangeSpec<Row, X, R>,
  ): Promise<R>;
  upsert<Row extends Versioned, P extends Parents>(actor: Actor, spec: UpsertSpec<Row, P>): Promise<Row>;
  /**
   * Creates or changes many rows by their natural key in a few statements, whatever their number: the rows
   * as they are are read in one statement, rows whose compared values are the same are left alone (no write,
   * no audit, no event), the others are written in one statement that checks each row's version inside it,
   * then one audit entry for the batch with every written row beneath it (their compared values before and
   * after) and, after the commit, one change event for the batch.
   */
  upsertMany<Row extends Versioned>(actor: Actor, spec: UpsertManySpec<Row>): Promise<BatchCounts>;
}

/** Fields a CONFLICT never shows, as the audit log never does. */
const HIDDEN_FIELDS = ['passwordHash', 'oidcIdentity', 'tokenHash'];

function present<Row extends ObjectLiteral>(row: Row): Row {
  const visible: Record<string, unknown> = { ...row };
  for (const field of HIDDEN_FIELDS) {
    delete visible[field];
  }
  return visible as Row;
}

/** "WorkingGroup" → "working group". */
function labelOf(entity: EntityClass<unknown>): string {
  return entity.name.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();
}

function stale(label: string, row: Versioned, seen: number | null | undefined) {
  const message =
    seen === null || seen === undefined
      ? `The ${label} already exists; send the version you last saw to change it.`
      : `The ${label} was changed by someone else (you saw version ${seen}, it is now ${row.version}). Reload and apply your change again.`;
  return conflict(label, message, present(row));
}

function gone(label: string) {
  return conflict(label, `The ${label} you edited no longer exists. Reload and try again.`, null);
}

function allow(permission: Permission): void {
  if (permission !== true) {
    throw forbidden(permission);
  }
}

/** Equal as stored values: numbers by value, dates by instant, anything else strictly. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  return (a ?? null) === (b ?? null);
}

function positiveKey(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** What a batch wrote: its rows' versions (and ids, when asked), in the order of its planned changes. */
interface Written {
  readonly ids: readonly number[] | null;
  readonly versions: readonly number[];
  /** The rows as sent, with each one's compared values before: what its audit reads. */
  readonly audit: {
    readonly columns: readonly ColumnMetadata[];
    readonly parameters: Record<string, unknown>;
  };
}

/** Values as a JSON array, written by hand: a batch of 100,000 rows makes as many of these. */
function jsonArrayOf(values: readonly unknown[]): string {
  let json = '[';
  for (let index = 0; index < values.length; index += 1) {
    if (index > 0) json += ',';
    const value = values[index];
    json +=
      typeof value === 'number' && Number.isFinite(value) ? String(value) : JSON.stringify(value ?? null);
  }
  return `${json}]`;
}

/** The step under way, so that a duplicate key the database refuses can be told as CONFLICT. */
interface Step {
  readonly label: string;
  readonly entity: EntityClass<Keyed>;
  /** The values written to the row, to find the row that holds the key now. */
  readonly values: ObjectLiteral;
}

class Unit implements WriteUnit {
  readonly events: ChangeEvent[] = [];
  step: Step | null = null;

  constructor(
    readonly manager: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async create<Row extends Keyed, P extends Parents, X extends Extra>(
    actor: Actor,
    spec: CreateSpec<Row, P, X>,
  ): Promise<Row> {
    const label = spec.label ?? labelOf(spec.entity);
    const parents = await this.loadAll(spec.parents);
    allow(await spec.authorize(parents, actor, this.manager));
    const values = await spec.values(parents, this.manager);
    const row = await this.insert(spec.entity, label, values);
    const extra = spec.write ? await spec.write(row, this.manager, parents) : undefined;
    await this.record(spec.author?.(row) ?? actor, spec.operation, spec.entity, row, {
      before: null,
      after: extra ? { ...row, ...extra } : row,
    });
    return row;
  }

  change<Row extends Versioned, X extends Extra, R>(actor: Actor, spec: ChangeSpec<Row, X, R>): Promise<R> {
    return this.changeRow(actor, spec, true);
  }

  append<Row extends Versioned, X extends Extra, R>(actor: Actor, spec: ChangeSpec<Row, X, R>): Promise<R> {
    return this.changeRow(actor, spec, spec.version !== null && spec.version !== undefined);
  }

  async upsert<Row extends Versioned, P extends Parents>(
    actor: Actor,
    spec: UpsertSpec<Row, P>,
  ): Promise<Row> {
    const label = spec.label ?? labelOf(spec.entity);
    const parents = await this.loadAll(spec.parents);
    allow(await spec.authorize(parents, actor, this.manager));
    const values = await spec.values(parents, this.manager);
    const existing = await this.manager.findOneBy(spec.entity, spec.key(parents));
    let after: Row;
    if (existing) {
      after = await this.update(spec.entity, label, existing, spec.version, values, true);
    } else if (spec.version !== null && spec.version !== undefined) {
      throw gone(label);
    } else {
      after = await this.insert(spec.entity, label, values);
    }
    const extra = spec.write ? await spec.write(after, existing, this.manager) : undefined;
    await this.record(actor, spec.operation, spec.entity, after, {
      before: existing,
      after: extra ? { ...after, ...extra } : after,
    });
    return after;
  }

  async upsertMany<Row extends Versioned>(actor: Actor, spec: UpsertManySpec<Row>): Promise<BatchCounts> {
    const label = spec.label ?? labelOf(spec.entity);
    for (const values of spec.rows) {
      allow(spec.authorize(values, actor));
    }
    const keyOf = (row: Partial<Row>) => {
      // Called a few times for each of 100,000 rows: a loop, not map and join.
      let key = '';
      for (const column of spec.key) key += `${String(row[column])}\u0000`;
      return key;
    };
    const existing = new Map((await this.findByKeys(spec)).map((row) => [keyOf(row), row]));
    const planned: PlannedChange<Row>[] = [];
    const seen = new Set<string>();
    for (const values of spec.rows) {
      const key = keyOf(values);
      if (seen.has(key)) {
        throw new Error(`upsertMany: the ${label} ${key} is in the batch twice.`);
      }
      seen.add(key);
      const before = existing.get(key) ?? null;
      if (!before || spec.compared.some((column) => !sameValue(before[column], values[column]))) {
        planned.push({ before, values });
      }
    }
    const created = planned.filter((change) => change.before === null).length;
    const counts = {
      created,
      changed: planned.length - created,
      unchanged: spec.rows.length - planned.length,
    };
    if (spec.dryRun || planned.length === 0) {
      return counts;
    }
    await spec.beforeWrite?.(planned, this.manager);
    const written = await this.writeMany(spec, label, planned, keyOf);
    if (spec.write) await spec.write(this.changesOf(spec, planned, written), this.manager);
    await spec.afterWrite?.(this.manager);
    await this.recordBatch(actor, spec, counts, planned, written);
    return counts;
  }

  /** The stored rows with the keys of the batch (and, read by lists of key values, a few more), in one statement. */
  private async findByKeys<Row extends Versioned>(spec: UpsertManySpec<Row>): Promise<Row[]> {
    if (spec.rows.length === 0) {
      return [];
    }
    const manager = this.manager;
    const metadata = manager.connection.getMetadata(spec.entity);
    const keyColumns = columnsOf(manager, spec.entity, spec.key);
    const distinct = spec.key.map((column) => new Set(spec.rows.map((row) => row[column])));
    const combinations = distinct.reduce((count, values) => count * values.size, 1);
    let raw: ObjectLiteral[];
    if (
      combinations <= 2 * spec.rows.length &&
      distinct.every(
        (values) =>
          values.size <= 1000 && [...values].every((v) => typeof v === 'number' || typeof v === 'string'),
      )
    ) {
      // A batch that fills a grid (an import: services × cities × months) is read by lists of each key
      // column's values, through the key's index: at most twice its rows, for far less than joining
      // 100,000 keys sent as one parameter.
      raw = await namedQuery<ObjectLiteral>(
        manager,
        `SELECT t.* FROM "${metadata.tableName}" t WHERE ${keyColumns
          .map((c, index) => `t."${c.databaseName}" IN (:...key${index})`)
          .join(' AND ')}`,
        Object.fromEntries(distinct.map((values, index) => [`key${index}`, [...values]])),
      );
    } else {
      const on = keyColumns.map((c) => `t."${c.databaseName}" = k."${c.databaseName}"`).join(' AND ');
      raw = await namedQuery<ObjectLiteral>(
        manager,
        `SELECT t.* FROM "${metadata.tableName}" t JOIN ${rowsTable(manager, 'keys', keyColumns)} k ON ${on}`,
        rowsParameters(manager, 'keys', keyColumns, spec.rows),
      );
    }
    const driver = manager.connection.driver;
    return raw.map((values) => {
      const row = new spec.entity();
      for (const column of metadata.columns) {
        (row as ObjectLiteral)[column.propertyName] = driver.prepareHydratedValue(
          values[column.databaseName],
          column,
        );
      }
      return row;
    });
  }

  /**
   * Inserts the new rows and updates the changed ones in one statement. Each changed row is updated only at
   * the version it was read with, and a new one only inserted where no row has appeared meanwhile: a row
   * another write changed since is left out of RETURNING, and the whole batch is refused as CONFLICT.
   */
  private async writeMany<Row extends Versioned>(
    spec: UpsertManySpec<Row>,
    label: string,
    planned: readonly PlannedChange<Row>[],
    keyOf: (row: Partial<Row>) => string,
  ): Promise<Written> {
    const manager = this.manager;
    const metadata = manager.connection.getMetadata(spec.entity);
    const properties = [...Object.keys(planned[0]?.values ?? {}).filter((p) => p !== 'version'), 'version'];
    const columns = columnsOf(manager, spec.entity, properties);
    const keyColumns = columnsOf(manager, spec.entity, spec.key);
    const quote = (column: { databaseName: string }) => `"${column.databaseName}"`;
    const names = columns.map(quote).join(', ');
    const update = columns
      .filter((column) => !spec.key.includes(column.propertyName as keyof Row & string))
      .map((column) => `${quote(column)} = excluded.${quote(column)}`)
      .join(', ');
    const versions = planned.map(({ before }) => (before ? before.version + 1 : 1));
    // Each row's compared values before, for its audit, travel with the rows (see recordBatch).
    const compared = spec.compared;
    // By the entity's name: the database layer loads nothing of the audit feature (audit-writer.ts).
    const before = columnsOf(manager, 'AuditRowChange', ['before']);
    const parameters = rowsParameters(
      manager,
      'rows',
      [...columns, ...before],
      planned,
      (change, property, index) =>
        property === 'version'
          ? versions[index]
          : property === 'before'
            ? change.before === null
              ? null
              : jsonArrayOf(compared.map((field) => (change.before as Row)[field]))
            : (change as PlannedChange<Row>).values[property as keyof Row],
    );
    const table = `"${metadata.tableName}"`;
    // Only a `write` callback needs the written rows' ids; the audit finds them in the database.
    const returning = spec.write ? `RETURNING "id", ${keyColumns.map(quote).join(', ')}` : '';
    // `WHERE true` keeps SQLite from reading ON CONFLICT as a join constraint (its documented ambiguity).
    const sql = `INSERT INTO ${table} (${names})
      SELECT ${names} FROM ${rowsTable(manager, 'rows', [...columns, ...before])} j WHERE true
      ON CONFLICT (${keyColumns.map(quote).join(', ')}) DO UPDATE SET ${update}
      WHERE ${table}."version" = excluded."version" - 1
      ${returning}`;
    this.step = { label, entity: spec.entity, values: {} };
    const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, parameters);
    if (!manager.queryRunner) throw new Error('upsertMany writes inside its transaction.');
    const result = await manager.queryRunner.query(query, values, true);
    this.step = null;
    // Rows another write changed since they were read are left out by the version check.
    const count = returning ? ((result.records as unknown[] | undefined)?.length ?? 0) : result.affected;
    if (count !== planned.length) {
      throw conflict(
        label,
        `Some of the ${label} were changed by someone else while this batch was written; nothing was written. Try again.`,
        null,
      );
    }
    const audit = { columns: [...columns, ...before], parameters };
    if (!spec.write) return { ids: null, versions, audit };
    const written = result.records as ObjectLiteral[];
    const driver = manager.connection.driver;
    // Integers and text come back as they were sent: only other values go through the driver.
    const hydrated = (raw: ObjectLiteral, column: (typeof keyColumns)[number]) => {
      const value: unknown = raw[column.databaseName];
      return typeof value === 'number' || typeof value === 'string'
        ? value
        : driver.prepareHydratedValue(value, column);
    };
    const ids = new Map<string, number>();
    for (const raw of written) {
      const key: Partial<Row> = {};
      for (const column of keyColumns) {
        (key as ObjectLiteral)[column.propertyName] = hydrated(raw, column);
      }
      ids.set(keyOf(key), Number(raw['id']));
    }
    return { ids: planned.map(({ values }) => ids.get(keyOf(values)) ?? 0), versions, audit };
  }

  /** A batch's rows as they were and are now, for its `write` callback. */
  private changesOf<Row extends Versioned>(
    spec: UpsertManySpec<Row>,
    planned: readonly PlannedChange<Row>[],
    written: Written,
  ): BatchChange<Row>[] {
    const metadata = this.manager.connection.getMetadata(spec.entity);
    // Every row of a batch has the same columns: those it leaves out are null in a new row.
    const given = planned[0]?.values ?? {};
    const nulls = Object.fromEntries(
      metadata.columns.filter((c) => !(c.propertyName in given)).map((c) => [c.propertyName, null]),
    );
    // Plain objects: a batch's rows are read by its callbacks, never saved as entities.
    return planned.map(({ before, values }, index) => {
      const after = {
        ...(before ?? nulls),
        ...values,
        id: written.ids?.[index],
        version: written.versions[index],
      } as unknown as Row;
      return { before, after };
    });
  }

  /**
   * A batch's one audit entry, with every written row beneath it (AuditService.recordBatch), and its one
   * change event for after the commit: a signal to refetch per batch, not per row.
   */
  private async recordBatch<Row extends Versioned>(
    actor: Actor,
    spec: UpsertManySpec<Row>,
    counts: BatchCounts,
    planned: readonly PlannedChange<Row>[],
    written: Written,
  ): Promise<void> {
    const at = new Date();
    const manager = this.manager;
    const metadata = manager.connection.getMetadata(spec.entity);
    const scopeOf = (row: Partial<Row>) => ({
      cityId: positiveKey(row['cityId']),
      projectId: positiveKey(row['projectId']),
    });
    const pairs = new Map<string, { cityId: number | null; projectId: number | null; rows: number }>();
    for (const { before, values } of planned) {
      const scope = scopeOf(before === null ? values : { ...before, ...values });
      const pair = `${scope.cityId}:${scope.projectId}`;
      const known = pairs.get(pair);
      if (known) known.rows += 1;
      else pairs.set(pair, { ...scope, rows: 1 });
    }
    // The rows' ids and values after are read where they were just written, joined by their key: no
    // RETURNING of 100,000 rows, no second copy of them sent back.
    const column = (property: string) => {
      const found = metadata.findColumnWithPropertyName(property);
      return found ? `t."${found.databaseName}"` : 'NULL';
    };
    const keyColumns = columnsOf(manager, spec.entity, spec.key);
    const key = spec.auditKey === undefined ? 'NULL' : `CAST(${column(spec.auditKey)} AS VARCHAR(40))`;
    const after = spec.compared.map(column).join(', ');
    const jsonArray =
      dialectOf(manager).name === 'sqlite'
        ? `json_array(${after})`
        : `CAST(json_build_array(${after}) AS text)`;
    const select = `SELECT k."position" AS "position", t."id" AS "entityId", ${column('cityId')} AS "cityId",
        ${column('projectId')} AS "projectId", ${key} AS "key", k."before" AS "before", ${jsonArray} AS "after"
      FROM ${rowsTable(manager, 'rows', written.audit.columns, 'position')} k
      JOIN "${metadata.tableName}" t ON ${keyColumns.map((c) => `t."${c.databaseName}" = k."${c.databaseName}"`).join(' AND ')}`;
    const entryId = await this.audit.recordBatch(
      manager,
      actor,
      {
        operation: spec.operation,
        entity: spec.entity.name,
        summary: { ...spec.summary, ...counts },
        fields: spec.compared,
        pairs: [...pairs.values()],
        rows: { select, parameters: written.audit.parameters },
      },
      at,
    );
    // The cooperations of every (project, city) pair the batch wrote, from one statement.
    const concerned = await concernedCooperationsOfMany(
      this.manager,
      [...pairs.values()].map(({ cityId, projectId }) => ({
        entity: spec.entity.name,
        id: 0,
        cooperationId: null,
        cityId,
        projectId,
      })),
    );
    const cooperationIds = [...new Set(concerned.flatMap((ids) => ids ?? []))].sort((a, b) => a - b);
    this.events.push({
      entity: spec.entity.name,
      id: String(entryId),
      operation: spec.operation,
      version: null,
      at,
      cooperationIds,
    });
  }

  private async changeRow<Row extends Versioned, X extends Extra, R>(
    actor: Actor,
    spec: ChangeSpec<Row, X, R>,
    checkVersion: boolean,
  ): Promise<R> {
    const entity = spec.row.entity;
    const label = spec.label ?? labelOf(entity);
    const before = await this.load(spec.row);
    allow(await spec.authorize(before, actor, this.manager));
    if (checkVersion && spec.version !== before.version) {
      // No use judging the input against a row the client has not seen.
      throw stale(label, before, spec.version);
    }
    const values = spec.values ? await spec.values(before, this.manager) : {};
    const after = await this.update(entity, label, before, spec.version, values, checkVersion);
    const extra = (spec.write ? await spec.write(after, before, this.manager) : undefined) as X;
    const audit = spec.audit
      ? spec.audit(before, after, extra)
      : { before, after: extra ? { ...after, ...extra } : after };
    await this.record(actor, spec.operation, entity, after, audit);
    return spec.result ? spec.result(after, extra) : (after as unknown as R);
  }

  private async load<Row extends Keyed>(ref: RowRef<Row>): Promise<Row> {
    const name = ref.entity.name;
    const id = parseId(name, ref.id, ref.field);
    const row = await this.manager.findOneBy(ref.entity, { id } as FindOptionsWhere<Row>);
    if (!row) {
      throw notFound(name, ref.id, ref.field);
    }
    return row;
  }

  private async loadAll<P extends Parents>(parents: P | undefined): Promise<LoadedParents<P>> {
    const loaded: Record<string, Keyed> = {};
    for (const [name, ref] of Object.entries(parents ?? {})) {
      loaded[name] = await this.load(ref);
    }
    return loaded as LoadedParents<P>;
  }

  private async insert<Row extends Keyed>(
    entity: EntityClass<Row>,
    label: string,
    values: DeepPartial<Row>,
  ): Promise<Row> {
    const versioned = this.manager.connection.getMetadata(entity).findColumnWithPropertyName('version');
    const startsAtOne = versioned && (values as ObjectLiteral)['version'] === undefined;
    const row = this.manager.create(
      entity,
      startsAtOne ? ({ ...values, version: 1 } as DeepPartial<Row>) : values,
    );
    this.step = { label, entity, values: row };
    const saved = await this.manager.save(row);
    this.step = null;
    return saved;
  }

  /**
   * Sets `values` and counts the version up, in one UPDATE that finds the row only at the version the
   * client saw: the check and the write are one step, whatever runs beside them.
   */
  private async update<Row extends Versioned>(
    entity: EntityClass<Row>,
    label: string,
    before: Row,
    seen: number | null | undefined,
    values: QueryDeepPartialEntity<Row>,
    checkVersion: boolean,
  ): Promise<Row> {
    if (checkVersion && seen !== before.version) {
      throw stale(label, before, seen);
    }
    const query = this.manager
      .createQueryBuilder()
      .update(entity)
      .set({ ...values, version: () => 'version + 1' } as QueryDeepPartialEntity<Row>);
    this.step = { label, entity, values };
    const result = await (
      checkVersion
        ? query.where('id = :id AND version = :version', { id: before.id, version: seen })
        : query.where('id = :id', { id: before.id })
    ).execute();
    this.step = null;
    if (result.affected !== 1) {
      const current = await this.manager.findOneBy(entity, { id: before.id } as FindOptionsWhere<Row>);
      throw current ? stale(label, current, seen) : gone(label);
    }
    return this.manager.findOneByOrFail(entity, { id: before.id } as FindOptionsWhere<Row>);
  }

  /** The audit entry, in this transaction, and the change event to publish once it has committed. */
  private async record(
    actor: Actor,
    operation: string,
    entity: EntityClass<Keyed>,
    row: Keyed,
    values: AuditValues,
  ): Promise<void> {
    const at = new Date();
    const record: AuditRecord = {
      operation,
      entity: entity.name,
      entityId: row.id,
      before: values.before,
      after: values.after,
    };
    await this.audit.record(this.manager, actor, record, at);
    const cooperationIds = await concernedCooperations(this.manager, {
      entity: entity.name,
      id: row.id,
      cooperationId: positiveKey(row['cooperationId']),
      ...auditScopes(record),
    });
    this.events.push({
      entity: entity.name,
      id: String(row.id),
      operation,
      version: typeof row['version'] === 'number' ? row['version'] : null,
      at,
      ...(cooperationIds ? { cooperationIds } : {}),
    });
  }
}

/** The write path: each method is one transaction, published as change events once it has committed. */
@Injectable()
export class Writes {
  /** Set while a write runs, to refuse a write started inside it: it would wait for itself. */
  private readonly running = new AsyncLocalStorage<true>();

  constructor(
    private readonly transactions: Transactions,
    // By token, the class as a type only: the database layer loads nothing of the audit feature.
    @Inject(AUDIT_WRITER) private readonly audit: AuditService,
    private readonly changes: ChangeEvents,
  ) {}

  /** Creates a row beneath the rows it belongs to. */
  create<Row extends Keyed, P extends Parents = Record<never, never>, X extends Extra = undefined>(
    actor: Actor,
    spec: CreateSpec<Row, P, X>,
  ): Promise<Row> {
    return this.inOneTransaction((unit) => unit.create(actor, spec));
  }

  /** Changes an existing row at the version the client saw. */
  change<Row extends Versioned, X extends Extra = undefined, R = Row>(
    actor: Actor,
    spec: ChangeSpec<Row, X, R>,
  ): Promise<R> {
    return this.inOneTransaction((unit) => unit.change(actor, spec));
  }

  /** See WriteUnit.append. */
  append<Row extends Versioned, X extends Extra = undefined, R = Row>(
    actor: Actor,
    spec: ChangeSpec<Row, X, R>,
  ): Promise<R> {
    return this.inOneTransaction((unit) => unit.append(actor, spec));
  }

  /** Creates the row of a natural key, or changes it at the version the client saw. */
  upsert<Row extends Versioned, P extends Parents>(actor: Actor, spec: UpsertSpec<Row, P>): Promise<Row> {
    return this.inOneTransaction((unit) => unit.upsert(actor, spec));
  }

  /** See WriteUnit.upsertMany. */
  upsertMany<Row extends Versioned>(actor: Actor, spec: UpsertManySpec<Row>): Promise<BatchCounts> {
    return this.inOneTransaction((unit) => unit.upsertMany(actor, spec));
  }

  /** Writes rows nobody edits or sees (sessions, failed sign-ins): no audit entry, no change event. */
  untracked<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.inOneTransaction((unit) => work(unit.manager));
  }

  /** Runs several steps in one transaction: all of them or none. */
  async inOneTransaction<T>(work: (unit: WriteUnit) => Promise<T>): Promise<T> {
    if (this.running.getStore()) {
      throw new Error('A write cannot start another write; run both steps in one inOneTransaction.');
    }
    const units: Unit[] = [];
    let result: T;
    try {
      result = await this.running.run(true, () =>
        this.transactions.run(async (manager) => {
          const unit = new Unit(manager, this.audit);
          units.push(unit);
          const done = await work(unit);
          await this.changes.committing(unit.events, manager);
          return done;
        }),
      );
    } catch (error) {
      throw await this.explained(error, units[0]?.step ?? null);
    }
    this.changes.publish(units[0]?.events ?? []);
    return result;
  }

  /** A duplicate key becomes CONFLICT, with the row that holds the key now when it can be found. */
  private async explained(error: unknown, step: Step | null): Promise<unknown> {
    const violation = uniqueViolation(error);
    if (!violation) {
      return error;
    }
    const { columns } = violation;
    let current: Keyed | null = null;
    if (step && columns.length > 0 && columns.every((column) => step.values[column] !== undefined)) {
      const key = Object.fromEntries(columns.map((column) => [column, step.values[column]]));
      current = await this.transactions.run((manager) => manager.findOneBy(step.entity, key));
    }
    return duplicate(step?.label ?? 'row', columns, current && present(current));
  }
}

/** The write path for every feature; nothing else opens a transaction or writes the audit log. */
@Global()
@Module({ providers: [Transactions, ChangeEvents, Writes], exports: [Writes, ChangeEvents] })
export class WritesModule {}
