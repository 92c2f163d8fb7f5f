import { type AddressInfo, connect, createServer } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { graphqlInTurns } from './turns.js';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('graphqlInTurns', () => {
  function arrive(middleware: ReturnType<typeof graphqlInTurns>, count: number, started: number[]): void {
    for (let i = 0; i < count; i += 1) {
      const next: NextFunction = () => started.push(i);
      middleware({} as Request, {} as Response, next);
    }
  }

  it('starts no request in the pass that read it, and at most the turn size in each later turn, in order', async () => {
    const middleware = graphqlInTurns(4);
    const started: number[] = [];
    arrive(middleware, 10, started);
    expect(started).toEqual([]);
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3]);
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('reads the connections between two turns: input that came meanwhile is handled before the next turn', async () => {
    const order: string[] = [];
    const server = createServer((socket) => socket.on('data', () => order.push('health')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await new Promise<void>((resolve) => client.once('connect', resolve));
    try {
      const middleware = graphqlInTurns(2);
      middleware({} as Request, {} as Response, () => order.push('a'));
      // While b runs, a request comes in on another connection (on loopback it is there at once).
      middleware({} as Request, {} as Response, () => {
        order.push('b');
        client.write('GET /health');
      });
      middleware({} as Request, {} as Response, () => order.push('c'));
      middleware({} as Request, {} as Response, () => order.push('d'));
      for (let turn = 0; turn < 10 && order.length < 5; turn += 1) {
        await nextTurn();
      }
      expect(order).toEqual(['a', 'b', 'health', 'c', 'd']);
    } finally {
      client.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('starts a request that arrives while the loop is at rest in the next turn', async () => {
    const middleware = graphqlInTurns(2);
    const started: number[] = [];
    arrive(middleware, 1, started);
    await nextTurn();
    expect(started).toEqual([0]);
    arrive(middleware, 3, started);
    await nextTurn();
    expect(started).toEqual([0, 0, 1]);
    await nextTurn();
    expect(started).toEqual([0, 0, 1, 2]);
  });
});
