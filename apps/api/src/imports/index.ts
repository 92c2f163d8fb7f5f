// The imports feature's one door: the service the CLI runs (the composition root wires its HTTP endpoint).
export { ImportsService, type ImportRequest } from './imports.service.js';
