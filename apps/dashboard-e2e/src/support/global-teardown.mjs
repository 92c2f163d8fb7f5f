import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const { server, directory } = globalThis.koopE2e ?? {};
  if (server) {
    const { code, signal } = await server.stop('SIGTERM');
    if (code !== 0 && signal !== 'SIGTERM') {
      console.error(`The e2e server ended with code ${code}, signal ${signal}:\n${server.output()}`);
    }
  }
  if (directory) rmSync(directory, { recursive: true, force: true });
}
