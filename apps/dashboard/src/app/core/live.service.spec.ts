import { throttled } from './live.service';

describe('throttled', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('refetches at once for the first signal, then once more for a burst, at most once per interval', () => {
    let refetches = 0;
    const signal = throttled(() => (refetches += 1), 1000);
    signal();
    expect(refetches).toBe(1);
    for (let i = 0; i < 20; i += 1) signal();
    expect(refetches).toBe(1);
    jest.advanceTimersByTime(999);
    expect(refetches).toBe(1);
    jest.advanceTimersByTime(1);
    expect(refetches).toBe(2);
    // A signal long after the last refetch is followed at once again.
    jest.advanceTimersByTime(5000);
    signal();
    expect(refetches).toBe(3);
  });
});
