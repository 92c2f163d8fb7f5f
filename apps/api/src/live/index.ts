// The live-updates feature's one door: the hub and the streams (the composition root wires the module and
// mounts the handler at /graphql/stream).
export { LiveHub } from './live-hub.js';
export { LiveStreams } from './live-streams.js';
