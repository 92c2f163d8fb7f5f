import { jest } from '@jest/globals';

/**
 * Runs `work` with the application's clock (Date) standing at `instant` (ISO 8601), so that what it writes
 * through the API is dated then: history in the past written the way the product writes it, and kept
 * figures updated the way they are. Timers, I/O and promises run on as usual: only Date is replaced.
 */
export async function writtenAt<T>(instant: string, work: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({
    now: new Date(instant),
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
      'Temporal',
    ],
  });
  try {
    return await work();
  } finally {
    jest.useRealTimers();
  }
}
