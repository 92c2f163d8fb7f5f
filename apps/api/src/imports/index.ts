// The imports feature's one door: the module (HTTP endpoint) and the service the CLI runs.
export { ImportsModule } from './imports.module.js';
export { ImportsService, type ImportRequest } from './imports.service.js';
