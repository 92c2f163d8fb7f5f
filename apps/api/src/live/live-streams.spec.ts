import { Writable } from 'node:stream';
import type { Response } from 'express';
import { OpenStream } from './live-streams.js';

/** A response whose client takes nothing: every write stays in its buffer. */
function stalledResponse(): Writable {
  return new Writable({
    write(_chunk, _encoding, _callback) {
      // never done: the client does not read
    },
  });
}

describe('OpenStream', () => {
  it('hands messages on without waiting, and closes the stream once the unread bytes pass the limit', () => {
    const res = stalledResponse();
    let overflowed = 0;
    const stream = new OpenStream(res as unknown as Response, 1000, () => (overflowed += 1));
    const message = `event: next\ndata: ${'x'.repeat(180)}\n\n`;
    let written = 0;
    while (stream.write(message, true)) written += 1;
    // Five messages fit below 1,000 bytes; the sixth passes the limit and ends the stream.
    expect(written).toBe(5);
    expect(overflowed).toBe(1);
    expect(res.destroyed).toBe(true);
    expect(stream.write(message, true)).toBe(false);
  });

  it('counts signals and heartbeats apart: only signals keep a stream from being idle', () => {
    const res = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    const stream = new OpenStream(res as unknown as Response, 1000, () => undefined);
    const opened = stream.lastSignalAt;
    stream.write(':\n\n', false);
    expect(stream.lastSignalAt).toBe(opened);
    expect(stream.lastWriteAt).toBeGreaterThanOrEqual(opened);
  });
});
