// Runs a command with a throwaway PostgreSQL cluster: its URL is in DATABASE_URL (and KOOP_TEST_POSTGRES_URL),
// and the cluster is stopped and deleted afterwards, whatever the command's outcome.
//
//   node tools/pg/with-postgres.mjs -- <command> [args…]
import { spawn } from 'node:child_process';
import { startCluster } from './cluster.mjs';

const separator = process.argv.indexOf('--');
const [command, ...args] = separator >= 0 ? process.argv.slice(separator + 1) : process.argv.slice(2);
if (!command) {
  process.stderr.write('Usage: with-postgres.mjs -- <command> [args…]\n');
  process.exit(2);
}

let cluster;
try {
  cluster = await startCluster({ install: true });
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

const child = spawn(command, args, {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: cluster.url, KOOP_TEST_POSTGRES_URL: cluster.url },
});
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code, signal) => {
  cluster.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
