// The live-updates feature's one door: the module, and the handler bootstrap mounts at /graphql/stream.
export { LiveModule } from './live.module.js';
export { LiveStreamHandler, STREAM_PATH } from './live-stream.handler.js';
export { LiveHub } from './live-hub.js';
export { LiveStreams } from './live-streams.js';
