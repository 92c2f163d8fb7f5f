import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const child = globalThis.koopServer;
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  const { STATE_FILE } = await import('./global-setup.mjs');
  rmSync(STATE_FILE, { force: true });
}
