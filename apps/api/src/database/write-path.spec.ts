import { jest } from '@jest/globals';
import { Column, DataSource, Entity, PrimaryGeneratedColumn, Unique, type Logger } from 'typeorm';
import type { GraphQLError } from 'graphql';
import { AuditEntry, AuditService } from '../audit/index.js';
import type { Actor } from '../auth/index.js';
import { badField } from '../common/index.js';
import { ChangeEvents, type ChangeEvent } from './change-events.js';
import { Transactions } from './transactions.js';
import { byRoleAlone, rowOf, Writes } from './write-path.js';

/*
 * The write path on a real (in-memory) SQLite database with two small tables of its own, so that the
 * order of its steps can be read from the statements it sends.
 */

@Entity('box')
class Box {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 20 })
  owner: string;
}

@Entity('thing')
@Unique('UQ_thing_name', ['name'])
class Thing {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  boxId: number;

  @Column({ type: 'varchar', length: 20 })
  name: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

const ANNA: Actor = { accountId: 7, username: 'anna', grants: [], mustChangePassword: false };
const BERT: Actor = { accountId: 8, username: 'bert', grants: [], mustChangePassword: false };

/** Only the owner of a box may put things in it or change them. */
function ownerOf(box: Box, actor: Actor) {
  return box.owner === actor.username || `Only ${box.owner} may change the things in box ${box.id}.`;
}

/** Every statement the database got, and every published event, in the order they happened. */
class Trace implements Logger {
  lines: string[] = [];
  logQuery(query: string): void {
    this.lines.push(query.replace(/\s+/g, ' ').trim());
  }
  logQueryError(): void {
    // the errors reach the test as exceptions
  }
  logQuerySlow(): void {
    // not traced
  }
  logSchemaBuild(): void {
    // not traced
  }
  logMigration(): void {
    // not traced
  }
  log(): void {
    // not traced
  }
  /** The statements and events after `mark`, with SELECTs and the audit INSERT shortened. */
  since(mark: number): string[] {
    return this.lines.slice(mark).map((line) => {
      if (line.startsWith('SELECT')) return 'SELECT';
      if (line.startsWith('INSERT INTO "audit_entry"')) return 'INSERT audit';
      if (line.startsWith('INSERT INTO "thing"')) return 'INSERT thing';
      return line;
    });
  }
}

function code(error: unknown): unknown {
  return (error as GraphQLError).extensions?.['code'];
}

describe('the write path', () => {
  let dataSource: DataSource;
  let writes: Writes;
  let trace: Trace;
  let events: ChangeEvent[];
  let box: Box;
  let otherBox: Box;

  async function thing(name: string, boxId = box.id): Promise<Thing> {
    return writes.create(ANNA, {
      operation: 'addThing',
      entity: Thing,
      parents: { box: rowOf(Box, boxId, 'boxId') },
      authorize: ({ box }, actor) => ownerOf(box, actor),
      values: ({ box }) => ({ boxId: box.id, name, passwordHash: 'secret' }),
    });
  }

  function rename(actor: Actor, id: number | string, version: number | null, name: string) {
    return writes.change(actor, {
      operation: 'renameThing',
      row: rowOf(Thing, id),
      version,
      authorize: async (thing, actor, manager) =>
        ownerOf(await manager.findOneByOrFail(Box, { id: thing.boxId }), actor),
      values: () => {
        if (name === '') throw badField('name', 'must not be empty');
        return { name };
      },
    });
  }

  async function audit(): Promise<
    Pick<AuditEntry, 'operation' | 'entityId' | 'username' | 'before' | 'after'>[]
  > {
    const entries = await dataSource.getRepository(AuditEntry).find({ order: { id: 'ASC' } });
    return entries.map(({ operation, entityId, username, before, after }) => ({
      operation,
      entityId,
      username,
      before,
      after,
    }));
  }

  beforeEach(async () => {
    trace = new Trace();
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [Box, Thing, AuditEntry],
      synchronize: true,
      logging: ['query'],
      logger: trace,
    });
    await dataSource.initialize();
    const changes = new ChangeEvents();
    events = [];
    changes.events$.subscribe((event) => {
      events.push(event);
      trace.lines.push(`event ${event.operation} ${event.entity} ${event.id} v${event.version}`);
    });
    writes = new Writes(new Transactions(dataSource), new AuditService(), changes);
    box = await dataSource.getRepository(Box).save({ owner: 'anna' });
    otherBox = await dataSource.getRepository(Box).save({ owner: 'bert' });
  });

  afterEach(async () => {
    await dataSource.destroy();
  });

  describe('create', () => {
    it('loads the parents, authorizes, inserts at version 1, audits, commits, then publishes', async () => {
      const mark = trace.lines.length;
      const created = await thing('Hammer');
      expect(created).toMatchObject({ boxId: box.id, name: 'Hammer', version: 1 });
      expect(trace.since(mark)).toEqual([
        'BEGIN TRANSACTION',
        'SELECT',
        'INSERT thing',
        'SELECT', // the defaults the insert gave the row
        'INSERT audit',
        'COMMIT',
        `event addThing Thing ${created.id} v1`,
      ]);
      expect(await audit()).toEqual([
        {
          operation: 'addThing',
          entityId: String(created.id),
          username: 'anna',
          before: null,
          after: JSON.stringify({ boxId: box.id, name: 'Hammer', version: 1, id: created.id }),
        },
      ]);
      expect(events).toEqual([
        { entity: 'Thing', id: String(created.id), operation: 'addThing', version: 1, at: expect.any(Date) },
      ]);
    });

    it('names the field of a parent that does not exist, and writes nothing', async () => {
      for (const id of [999, 'x1']) {
        const error = await writes
          .create(ANNA, {
            operation: 'addThing',
            entity: Thing,
            parents: { box: rowOf(Box, id, 'boxId') },
            authorize: () => true,
            values: () => ({ boxId: 1, name: 'Zange' }),
          })
          .catch((e: unknown) => e);
        expect((error as GraphQLError).extensions).toMatchObject({
          code: 'NOT_FOUND',
          entity: 'Box',
          field: 'boxId',
        });
      }
      expect(await dataSource.getRepository(Thing).count()).toBe(0);
      expect(events).toEqual([]);
    });

    it('refuses whom authorize refuses, before computing or writing anything', async () => {
      const values = jest.fn(() => ({ boxId: otherBox.id, name: 'Zange' }));
      const mark = trace.lines.length;
      const error = await writes
        .create(ANNA, {
          operation: 'addThing',
          entity: Thing,
          parents: { box: rowOf(Box, otherBox.id, 'boxId') },
          authorize: ({ box }, actor) => ownerOf(box, actor),
          values,
        })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        message: `Only bert may change the things in box ${otherBox.id}.`,
        extensions: { code: 'FORBIDDEN' },
      });
      expect(values).not.toHaveBeenCalled();
      expect(trace.since(mark)).toEqual(['BEGIN TRANSACTION', 'SELECT', 'ROLLBACK']);
      expect(await audit()).toEqual([]);
      expect(events).toEqual([]);
    });

    it('answers a duplicate unique key with CONFLICT naming the key and showing the row that holds it', async () => {
      const first = await thing('Hammer');
      const error = await thing('Hammer').catch((e: unknown) => e);
      expect(error).toMatchObject({
        message: 'Another thing with the same name was saved at the same time. Reload and try again.',
        extensions: { code: 'CONFLICT', entity: 'thing', field: 'name', fields: ['name'] },
      });
      const current = (error as GraphQLError).extensions['current'] as Record<string, unknown>;
      expect(current).toMatchObject({ id: first.id, name: 'Hammer', version: 1 });
      // Never shown, as in the audit log.
      expect(current).not.toHaveProperty('passwordHash');
      expect(await dataSource.getRepository(Thing).count()).toBe(1);
      expect((await audit()).map((e) => e.operation)).toEqual(['addThing']);
      expect(events).toHaveLength(1);
    });

    it('answers the losers of a race for the same key with CONFLICT, the winner with the row', async () => {
      const outcomes = await Promise.allSettled([thing('Säge'), thing('Säge'), thing('Säge')]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [code(o.reason)] : []));
      expect(refused).toEqual(['CONFLICT', 'CONFLICT']);
      expect(events.map((e) => e.operation)).toEqual(['addThing']);
    });
  });

  describe('change', () => {
    let hammer: Thing;

    beforeEach(async () => {
      hammer = await thing('Hammer');
      events.length = 0;
    });

    it('loads, authorizes, updates inside the version check, audits, commits, then publishes', async () => {
      const mark = trace.lines.length;
      const changed = await rename(ANNA, hammer.id, 1, 'Fäustel');
      expect(changed).toMatchObject({ id: hammer.id, name: 'Fäustel', version: 2 });
      expect(trace.since(mark)).toEqual([
        'BEGIN TRANSACTION',
        'SELECT', // the thing
        'SELECT', // its box, for authorize
        `UPDATE "thing" SET "name" = ?, "version" = "version" + 1 WHERE "id" = ${hammer.id} AND "version" = 1`,
        'SELECT', // the thing as it is now
        'INSERT audit',
        'COMMIT',
        `event renameThing Thing ${hammer.id} v2`,
      ]);
      const [, entry] = await audit();
      expect(JSON.parse(entry.before ?? '')).toMatchObject({ name: 'Hammer', version: 1 });
      expect(JSON.parse(entry.after ?? '')).toMatchObject({ name: 'Fäustel', version: 2 });
    });

    it('names the id field of a row that does not exist', async () => {
      await expect(rename(ANNA, 4711, 1, 'X')).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND', entity: 'Thing', id: '4711', field: 'id' },
      });
    });

    it('refuses whom authorize refuses and writes and publishes nothing', async () => {
      const mark = trace.lines.length;
      await expect(rename(BERT, hammer.id, 1, 'Fäustel')).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
      expect(trace.since(mark)).toEqual(['BEGIN TRANSACTION', 'SELECT', 'SELECT', 'ROLLBACK']);
      expect(await dataSource.getRepository(Thing).findOneByOrFail({ id: hammer.id })).toMatchObject({
        name: 'Hammer',
        version: 1,
      });
      expect(events).toEqual([]);
    });

    it('answers a stale or missing version with CONFLICT and the current row, before judging the input', async () => {
      await rename(ANNA, hammer.id, 1, 'Fäustel');
      events.length = 0;
      const stale = rename(ANNA, hammer.id, 1, '');
      await expect(stale).rejects.toMatchObject({
        message:
          'The thing was changed by someone else (you saw version 1, it is now 2). Reload and apply your change again.',
        extensions: { code: 'CONFLICT', entity: 'thing', current: { name: 'Fäustel', version: 2 } },
      });
      const missing = rename(ANNA, hammer.id, null, 'Zange');
      await expect(missing).rejects.toMatchObject({
        message: 'The thing already exists; send the version you last saw to change it.',
      });
      expect(events).toEqual([]);
    });

    it('rolls back everything when a later part of the write fails, and publishes nothing', async () => {
      const error = await writes
        .change(ANNA, {
          operation: 'renameThing',
          row: rowOf(Thing, hammer.id),
          version: 1,
          authorize: () => true,
          values: () => ({ name: 'Fäustel' }),
          write: async () => {
            throw badField('name', 'is refused by a later rule');
          },
        })
        .catch((e: unknown) => e);
      expect(code(error)).toBe('BAD_USER_INPUT');
      expect(await dataSource.getRepository(Thing).findOneByOrFail({ id: hammer.id })).toMatchObject({
        name: 'Hammer',
        version: 1,
      });
      expect((await audit()).map((e) => e.operation)).toEqual(['addThing']);
      expect(events).toEqual([]);
    });

    it('publishes nothing when the commit itself fails', async () => {
      const transactions = new Transactions(dataSource);
      const changes = new ChangeEvents();
      const published: ChangeEvent[] = [];
      changes.events$.subscribe((event) => published.push(event));
      jest.spyOn(transactions, 'run').mockImplementation(async (work) => {
        await dataSource.transaction(work);
        throw new Error('disk full');
      });
      const failing = new Writes(transactions, new AuditService(), changes);
      await expect(
        failing.change(ANNA, {
          operation: 'renameThing',
          row: rowOf(Thing, hammer.id),
          version: 1,
          authorize: byRoleAlone,
          values: () => ({ name: 'Fäustel' }),
        }),
      ).rejects.toThrow('disk full');
      expect(published).toEqual([]);
    });

    it('shapes the audit entry and the answer as the step says', async () => {
      const answer = await writes.change(ANNA, {
        operation: 'moveThing',
        row: rowOf(Thing, hammer.id, 'thingId'),
        version: 1,
        authorize: byRoleAlone,
        values: () => ({ boxId: otherBox.id }),
        write: async (after, before) => ({ from: before.boxId, to: after.boxId }),
        audit: (_before, _after, moved) => ({ before: { boxId: moved.from }, after: { boxId: moved.to } }),
        result: (after, moved) => `${after.name} moved to box ${moved.to}`,
      });
      expect(answer).toBe(`Hammer moved to box ${otherBox.id}`);
      const entry = (await audit()).at(-1);
      expect(entry).toMatchObject({
        before: JSON.stringify({ boxId: box.id }),
        after: JSON.stringify({ boxId: otherBox.id }),
      });
    });
  });

  describe('append', () => {
    let hammer: Thing;

    beforeEach(async () => {
      hammer = await thing('Hammer');
    });

    const append = (version: number | null) =>
      writes.append(ANNA, {
        operation: 'polishThing',
        row: rowOf(Thing, hammer.id),
        version,
        authorize: byRoleAlone,
      });

    it('changes the row on top of whatever it is when the client sends no version', async () => {
      await append(null);
      await append(null);
      expect(await dataSource.getRepository(Thing).findOneByOrFail({ id: hammer.id })).toMatchObject({
        version: 3,
      });
    });

    it('checks the version the client sends', async () => {
      await append(1);
      await expect(append(1)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    });
  });

  describe('upsert', () => {
    const record = (name: string, version: number | null, boxId = box.id) =>
      writes.upsert(ANNA, {
        operation: 'recordThing',
        entity: Thing,
        parents: { box: rowOf(Box, boxId, 'boxId') },
        authorize: ({ box }, actor) => ownerOf(box, actor),
        key: () => ({ name }),
        version,
        values: ({ box }) => ({ boxId: box.id, name }),
      });

    it('creates the row when the client saw none, then changes it at the version it saw', async () => {
      const created = await record('Hammer', null);
      const changed = await record('Hammer', 1);
      expect([created.version, changed.version, changed.id]).toEqual([1, 2, created.id]);
      const entries = await audit();
      expect(entries.map((e) => [e.operation, e.before === null])).toEqual([
        ['recordThing', true],
        ['recordThing', false],
      ]);
      expect(events.map((e) => e.version)).toEqual([1, 2]);
    });

    it('answers CONFLICT for a row the client did not see, or saw but is gone', async () => {
      await record('Hammer', null);
      await expect(record('Hammer', null)).rejects.toMatchObject({
        message: 'The thing already exists; send the version you last saw to change it.',
      });
      await expect(record('Zange', 3)).rejects.toMatchObject({
        message: 'The thing you edited no longer exists. Reload and try again.',
        extensions: { code: 'CONFLICT', current: null },
      });
    });

    it('authorizes on the parents', async () => {
      await expect(record('Hammer', null, otherBox.id)).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
    });
  });

  describe('several steps in one transaction', () => {
    it('publishes every step once all of them committed, in order', async () => {
      const mark = trace.lines.length;
      await writes.inOneTransaction(async (unit) => {
        const made = await unit.create(ANNA, {
          operation: 'addThing',
          entity: Thing,
          authorize: byRoleAlone,
          values: () => ({ boxId: box.id, name: 'Hammer' }),
        });
        expect(events).toEqual([]);
        await unit.change(ANNA, {
          operation: 'renameThing',
          row: rowOf(Thing, made.id),
          version: made.version,
          authorize: byRoleAlone,
          values: () => ({ name: 'Fäustel' }),
        });
      });
      const lines = trace.since(mark);
      expect(lines.slice(-3)).toEqual([
        'COMMIT',
        'event addThing Thing 1 v1',
        'event renameThing Thing 1 v2',
      ]);
    });

    it('undoes the first step when the second fails', async () => {
      await expect(
        writes.inOneTransaction(async (unit) => {
          await unit.create(ANNA, {
            operation: 'addThing',
            entity: Thing,
            authorize: byRoleAlone,
            values: () => ({ boxId: box.id, name: 'Hammer' }),
          });
          await unit.change(BERT, {
            operation: 'renameThing',
            row: rowOf(Thing, 1),
            version: 1,
            authorize: () => 'no',
          });
        }),
      ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(await dataSource.getRepository(Thing).count()).toBe(0);
      expect(await audit()).toEqual([]);
      expect(events).toEqual([]);
    });

    it('refuses a write started inside another instead of waiting for itself', async () => {
      await expect(writes.inOneTransaction(() => thing('Hammer'))).rejects.toThrow(
        'A write cannot start another write',
      );
      expect(await dataSource.getRepository(Thing).count()).toBe(0);
    });
  });

  it('writes untracked rows in a transaction, without audit entry or event', async () => {
    await writes.untracked((manager) => manager.insert(Box, { owner: 'carl' }));
    expect(await dataSource.getRepository(Box).count()).toBe(3);
    expect(await audit()).toEqual([]);
    expect(events).toEqual([]);
  });
});

describe('the write queue', () => {
  it('is kept for SQLite only: PostgreSQL keeps transactions apart itself', () => {
    const sqlite = new Transactions({ options: { type: 'better-sqlite3' } } as DataSource);
    const postgres = new Transactions({ options: { type: 'postgres' } } as DataSource);
    expect([sqlite.queued, postgres.queued]).toEqual([true, false]);
  });
});
