// Loaded into the API under test with `node --import`: records the event loop's delay and, when the
// process ends (SIGTERM or exit), writes the histogram in milliseconds to $EVENT_LOOP_PROBE_FILE as JSON.
// SIGWINCH starts the histogram afresh, so that the benchmark can leave the start-up out (Nest's shutdown
// hooks end the process on SIGUSR2 and most other signals; SIGWINCH is ignored by default and by Nest).
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.EVENT_LOOP_PROBE_FILE;
if (file) {
  // 5 ms sampling: fine enough for a 50 ms budget, cheap enough not to disturb what it measures.
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const ms = (nanoseconds) => Math.round((nanoseconds / 1e6) * 10) / 10;
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    histogram.disable();
    writeFileSync(
      file,
      JSON.stringify({
        samples: histogram.count,
        mean: ms(histogram.mean),
        p50: ms(histogram.percentile(50)),
        p99: ms(histogram.percentile(99)),
        max: ms(histogram.max),
      }),
    );
  };
  process.on('SIGWINCH', () => histogram.reset());
  process.once('exit', write);
  process.once('SIGTERM', () => {
    write();
    // The application shuts itself down on SIGTERM; without its handler, end as SIGTERM would have.
    if (process.listenerCount('SIGTERM') === 0) process.kill(process.pid, 'SIGTERM');
  });
}
