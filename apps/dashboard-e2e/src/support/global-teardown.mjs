import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const { directory } = globalThis.koopE2e ?? {};
  if (directory) rmSync(directory, { recursive: true, force: true });
}
