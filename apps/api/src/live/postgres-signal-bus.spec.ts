import { MAX_PAYLOAD_BYTES, payloadsOf } from './postgres-signal-bus.js';

describe('payloadsOf', () => {
  const signal = {
    entity: 'Adoption',
    id: '12345',
    operation: 'recordAdoption',
    version: 7,
    at: new Date('2026-11-29T10:00:00Z'),
    cooperationIds: [1, 2],
  };

  it('sends an ordinary signal as one small payload', () => {
    const payloads = payloadsOf('origin', signal);
    expect(payloads).toHaveLength(1);
    expect(JSON.parse(payloads[0] ?? '')).toEqual({
      o: 'origin',
      e: 'Adoption',
      i: '12345',
      p: 'recordAdoption',
      v: 7,
      a: '2026-11-29T10:00:00.000Z',
      c: [1, 2],
    });
    expect(Buffer.byteLength(payloads[0] ?? '')).toBeLessThan(300);
  });

  it('splits a signal for very many cooperations into payloads each below the limit, losing none', () => {
    const many = Array.from({ length: 3000 }, (_, index) => 1_000_000_000 + index);
    const payloads = payloadsOf('origin', { ...signal, cooperationIds: many });
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(MAX_PAYLOAD_BYTES);
    expect(payloads.flatMap((payload) => (JSON.parse(payload) as { c: number[] }).c)).toEqual(many);
  });
});
