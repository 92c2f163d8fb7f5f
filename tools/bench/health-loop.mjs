// A worker thread that asks GET /health one request after another while the main thread drives a load
// test, so that its timings do not wait on the load generator's event loop. Bounded in count and time;
// posts the latencies (ms, failures included) and the number of failures when told to stop or when a bound is reached.
import { parentPort, workerData } from 'node:worker_threads';

const { url, maxRequests, maxMilliseconds, timeoutMs } = workerData;
let stopped = false;
parentPort.once('message', () => (stopped = true));

const latencies = [];
// The worker's first fetch loads the HTTP client, hundreds of milliseconds on a busy machine: that is this
// worker starting, not the API answering. It is sent first and not counted.
try {
  await (await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })).arrayBuffer();
} catch {
  // counted below, when the loop's requests fail too
}
let failures = 0;
const deadline = performance.now() + maxMilliseconds;
while (!stopped && latencies.length < maxRequests && performance.now() < deadline) {
  const started = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    if (!response.ok) failures += 1;
  } catch {
    failures += 1;
  }
  // A failed or timed-out request counts with the time it took: it was as slow as that for the caller.
  latencies.push(performance.now() - started);
  // Let the stop message in between requests.
  await new Promise((resolve) => setImmediate(resolve));
}
parentPort.postMessage({ latencies, failures });
