import { Column, DataSource, Entity, PrimaryGeneratedColumn, type EntityManager } from 'typeorm';
import { Transactions } from './transactions.js';

/*
 * Why the write path queues transactions on SQLite: TypeORM's better-sqlite3 driver has one connection.
 * Two transactions started in the same tick both send BEGIN: both fail, yet a write of one is kept. One
 * started while another is open becomes a savepoint inside it: here transaction A writes and then fails
 * while B, started after A's write, is still open; A's rollback undoes B's savepoint, and B's commit
 * commits A's failed write. If TypeORM ever keeps them apart, the first two tests fail and the queue
 * (transactions.ts) can go.
 */

@Entity('note')
class Note {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 20 })
  text: string;
}

function latch(): { promise: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** Waits for `promise`, but no longer than 200 ms: with the queue, B cannot start before A has ended. */
function atMost(promise: Promise<void>): Promise<void> {
  return Promise.race([promise, new Promise<void>((resolve) => setTimeout(resolve, 200))]);
}

type Run = (work: (manager: EntityManager) => Promise<unknown>) => Promise<unknown>;

/**
 * A writes "a" and fails once B has written "b"; B, started once A has written, commits once A has failed.
 */
async function interleave(run: Run): Promise<{ a: string; b: string }> {
  const aWrote = latch();
  const bWrote = latch();
  const aFailed = latch();
  const a = run(async (manager) => {
    await manager.insert(Note, { text: 'a' });
    aWrote.open();
    await atMost(bWrote.promise);
    throw new Error('A fails');
  }).finally(aFailed.open);
  await atMost(aWrote.promise);
  const b = run(async (manager) => {
    await manager.insert(Note, { text: 'b' });
    bWrote.open();
    await atMost(aFailed.promise);
  });
  const [aOutcome, bOutcome] = await Promise.allSettled([a, b]);
  return { a: aOutcome.status, b: bOutcome.status };
}

describe('transactions on SQLite', () => {
  let dataSource: DataSource;

  beforeEach(async () => {
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [Note],
      synchronize: true,
    });
    await dataSource.initialize();
  });

  afterEach(async () => {
    await dataSource.destroy();
  });

  const texts = async () => (await dataSource.getRepository(Note).find()).map((note) => note.text);

  it('both fail when two start at once, and a write of the failed ones is kept', async () => {
    const outcomes = await Promise.allSettled([
      dataSource.transaction((manager) => manager.insert(Note, { text: 'a' })),
      dataSource.transaction((manager) => manager.insert(Note, { text: 'b' })),
    ]);
    // The second BEGIN fails; its rollback ends the first transaction, whose commit then fails too,
    // and yet the first insert, run after that rollback outside any transaction, is kept.
    expect(
      outcomes.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'ok')),
    ).toEqual([
      expect.stringMatching(/Transaction is not started yet/),
      expect.stringMatching(/cannot start a transaction within a transaction/),
    ]);
    expect(await texts()).toEqual(['a']);
  });

  it('mix up when one starts while another is open: the failed one is kept, the committed one lost', async () => {
    const outcome = await interleave((work) => dataSource.transaction(work));
    expect(outcome).toEqual({ a: 'rejected', b: 'fulfilled' });
    expect(await texts()).toEqual(['a']);
  });

  it('stay apart in the write queue: both start, the failed one is undone, the committed one kept', async () => {
    const transactions = new Transactions(dataSource);
    await Promise.all([
      transactions.run((manager) => manager.insert(Note, { text: 'x' })),
      transactions.run((manager) => manager.insert(Note, { text: 'y' })),
    ]);
    await dataSource.getRepository(Note).clear();
    const outcome = await interleave((work) => transactions.run(work));
    expect(outcome).toEqual({ a: 'rejected', b: 'fulfilled' });
    expect(await texts()).toEqual(['b']);
  });
});
