// Loaded into the API under test with `node --import`: records the event loop's delay and writes the
// histogram in milliseconds, as JSON, to $EVENT_LOOP_PROBE_FILE — every second and when the process ends
// (SIGTERM or exit). A loop that is held for minutes may never get to its SIGTERM before it is killed:
// then the last write tells what was seen until then.
// SIGWINCH starts the histogram afresh, so that the benchmark can leave the start-up out (Nest's shutdown
// hooks end the process on SIGUSR2 and most other signals; SIGWINCH is ignored by default and by Nest).
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.EVENT_LOOP_PROBE_FILE;
if (file) {
  // 5 ms sampling: fine enough for a 50 ms budget, cheap enough not to disturb what it measures.
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  // When the twenty longest delays happened (a timer every 5 ms that fires late by more than 20 ms): the
  // histogram tells how long, this tells when, to match with what the benchmark was doing then.
  let stalls = [];
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    const late = now - last - 5;
    last = now;
    if (late > 20) {
      stalls.push({ at: new Date().toISOString(), ms: Math.round(late) });
      stalls = stalls.sort((a, b) => b.ms - a.ms).slice(0, 20);
    }
  }, 5).unref();
  const ms = (nanoseconds) => Math.round((nanoseconds / 1e6) * 10) / 10;
  const write = () =>
    writeFileSync(
      file,
      JSON.stringify({
        writtenAt: new Date().toISOString(),
        samples: histogram.count,
        p50: ms(histogram.percentile(50)),
        p99: ms(histogram.percentile(99)),
        max: ms(histogram.max),
        stalls,
      }),
    );
  setInterval(write, 1000).unref();
  process.on('SIGWINCH', () => {
    histogram.reset();
    stalls = [];
    write();
  });
  process.once('exit', write);
  process.once('SIGTERM', () => {
    write();
    // The application shuts itself down on SIGTERM; without its handler, end as SIGTERM would have.
    if (process.listenerCount('SIGTERM') === 0) process.kill(process.pid, 'SIGTERM');
  });
}
