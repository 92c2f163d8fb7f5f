import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { createApp } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/index.js';
import { MigrationError } from './data-source.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  app.get(Logger).log(`Kooperationscockpit listens on http://localhost:${config.port}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  // The logger may not exist yet: a start that fails is reported on stderr in plain words.
  if (error instanceof ConfigError || error instanceof MigrationError) {
    process.stderr.write(`Kooperationscockpit did not start. ${error.message}\n`);
  } else {
    process.stderr.write(
      `Kooperationscockpit did not start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
  }
  process.exit(1);
});
