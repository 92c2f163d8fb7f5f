// The browser tests drive Debian's Chromium (Playwright cannot download its own browser here). Installs it
// from Debian's packages when it is missing and this user may install packages; otherwise stops at once
// with the command that would.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const COMMAND = 'apt-get update && apt-get install -y chromium';

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    console.error(`Chromium is missing at ${CHROMIUM}. Install it as root with:\n  ${COMMAND}`);
    process.exit(1);
  }
  console.error('Installing Chromium from Debian’s packages …');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
