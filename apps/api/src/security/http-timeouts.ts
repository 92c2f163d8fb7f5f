import type { Server } from 'node:http';
import type { AppConfig } from '../config/index.js';

/** How often Node looks for requests past their time-out, at most: its default is every 30 seconds. */
const LONGEST_CHECK_INTERVAL_MS = 1000;

/**
 * Sets the HTTP server's time-outs from configuration, so that a client that declares more body than it
 * sends, or sends its headers a byte at a time, cannot hold a connection: Node answers it 408 and closes
 * the connection once the time is up. Must run before the server listens: Node reads the interval of its
 * checks then.
 */
export function applyHttpTimeouts(server: Server, timeouts: AppConfig['http']): void {
  server.requestTimeout = timeouts.requestTimeoutMs;
  server.headersTimeout = timeouts.headersTimeoutMs;
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  // Node enforces the first two only when it checks; checking every 30 s would let a 10 s time-out run
  // to 40 s. Checking more often than a quarter of the shortest time-out gains nothing. Nest creates the
  // server without options, so the constructor option `connectionsCheckingInterval` is set as the property
  // it is kept in, which Node reads when the server starts listening (the slow-client test proves it).
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(
    LONGEST_CHECK_INTERVAL_MS,
    Math.max(1, Math.floor(Math.min(timeouts.requestTimeoutMs, timeouts.headersTimeoutMs) / 4)),
  );
}
