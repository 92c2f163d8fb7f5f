import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { startTestApp, type TestApp } from '../testing/index.js';

/** Short time-outs, so that the test takes seconds; the defaults are 30 s, 10 s and 5 s. */
const TIMEOUTS = { requestTimeoutMs: 1500, headersTimeoutMs: 800, keepAliveTimeoutMs: 1000 };
/** Node checks for expired requests at most every quarter of the shortest time-out; the rest is load. */
const SLACK_MS = 1500;
/** A client that is never cut off gives up after this, and the test fails. */
const GIVE_UP_MS = 6000;

interface Exchange {
  /** Everything the server sent. */
  readonly received: string;
  /** Milliseconds from `from` (the connection, or the end of the first answer) to the server closing. */
  readonly closedAfterMs: number;
  /** Whether the server closed the connection (and not the client giving up). */
  readonly closedByServer: boolean;
}

/**
 * Opens a connection, lets `behave` write to it, and waits for the server to close it. `behave` gets a
 * `write` that does nothing once the connection is gone; the time counts from `markStart()` or the connect.
 */
function slowClient(
  port: number,
  behave: (write: (text: string) => void, markStart: () => void, received: () => string) => void,
): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let start = Date.now();
    let received = '';
    let closed = false;
    const giveUp = setTimeout(() => {
      closed = true;
      socket.destroy();
      resolve({ received, closedAfterMs: Date.now() - start, closedByServer: false });
    }, GIVE_UP_MS);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (closed) return;
      closed = true;
      clearTimeout(giveUp);
      resolve({ received, closedAfterMs: Date.now() - start, closedByServer: true });
    });
    socket.on('connect', () => {
      start = Date.now();
      behave(
        (text) => {
          if (!closed) socket.write(text);
        },
        () => (start = Date.now()),
        () => received,
      );
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('HTTP server time-outs', () => {
  let app: TestApp;
  let port: number;

  beforeAll(async () => {
    app = await startTestApp({ http: TIMEOUTS });
    await app.app.listen(0, '127.0.0.1');
    port = (app.app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(() => app.close());

  it('closes a connection whose body stays shorter than its Content-Length, after the request time-out', async () => {
    const exchange = await slowClient(port, (write) => {
      write(
        'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
          'Content-Length: 1000\r\n\r\n{"query": "{ appInfo { demoData } }", "variables": {',
      );
    });
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(exchange.closedAfterMs).toBeGreaterThanOrEqual(TIMEOUTS.requestTimeoutMs - 50);
    expect(exchange.closedAfterMs).toBeLessThan(TIMEOUTS.requestTimeoutMs + SLACK_MS);
  });

  it('closes a connection that sends its headers a line at a time, after the headers time-out', async () => {
    const exchange = await slowClient(port, (write) => {
      void (async () => {
        write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n');
        // Each line on its own arrives well within any idle time-out; together they never end.
        for (let line = 0; line < 50; line++) {
          await sleep(100);
          write(`X-Slow-${line}: ${'a'.repeat(10)}\r\n`);
        }
      })();
    });
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(exchange.closedAfterMs).toBeGreaterThanOrEqual(TIMEOUTS.headersTimeoutMs - 50);
    expect(exchange.closedAfterMs).toBeLessThan(TIMEOUTS.headersTimeoutMs + SLACK_MS);
  });

  it('answers a client that sends in time, and closes its idle connection after the keep-alive time-out', async () => {
    const body = JSON.stringify({ query: '{ appInfo { demoData } }' });
    const exchange = await slowClient(port, (write, markStart, received) => {
      void (async () => {
        // Within the time-outs, but not at once: a slow client that keeps to them is served.
        write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n`);
        await sleep(200);
        write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`);
        await sleep(300);
        write(body.slice(10));
        while (!received().includes('"demoData":false')) await sleep(5);
        markStart();
      })();
    });
    expect(exchange.received).toMatch(/^HTTP\/1\.1 200 /);
    expect(exchange.received).toMatch(/Keep-Alive: timeout=1/);
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.closedAfterMs).toBeGreaterThanOrEqual(TIMEOUTS.keepAliveTimeoutMs - 50);
    expect(exchange.closedAfterMs).toBeLessThan(TIMEOUTS.keepAliveTimeoutMs + SLACK_MS);
  });
});
