// The config feature's one door: what the rest of the API uses of it. Other features import only
// from here (lint rule feature-entry-imports); tools/codemods/feature-entry-imports.mjs adds what they need.
export {
  ConfigError,
  loadConfig,
  type AppConfig,
  type DatabaseConfig,
  type LiveConfig,
  type OidcConfig,
} from './config.js';
export { APP_CONFIG } from './config.token.js';
