// A throwaway PostgreSQL cluster for tests and benchmarks: Debian's server binaries, a temporary data
// directory, a free loopback port, trust authentication for the one user `koop`. Nothing of an existing
// cluster is touched. Root may not run the server, so as root the cluster runs as the `postgres` user.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../lib/server.mjs';

const INSTALL_HINT =
  'PostgreSQL server binaries are missing. Install Debian’s server as root with:\n  apt-get update && apt-get install -y postgresql';

/** Debian's newest PostgreSQL bin directory, installing the package first when allowed and missing. */
export function postgresBin({ install = false } = {}) {
  const find = () => {
    const root = '/usr/lib/postgresql';
    if (!existsSync(root)) return null;
    const versions = readdirSync(root)
      .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
      .sort((a, b) => Number(a) - Number(b));
    return versions.length > 0 ? join(root, versions.at(-1), 'bin') : null;
  };
  let bin = find();
  if (!bin && install && process.getuid?.() === 0) {
    process.stderr.write('Installing PostgreSQL from Debian’s packages …\n');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    bin = find();
  }
  if (!bin) {
    throw new Error(INSTALL_HINT);
  }
  return bin;
}

function asServerUser(root, command, args) {
  const line = [command, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = root
    ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', line], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

/**
 * Starts a cluster and returns its URL and a stop function. Durability is traded for speed (no fsync):
 * a test cluster is thrown away when it stops.
 */
export async function startCluster({ install = false, durable = false } = {}) {
  const bin = postgresBin({ install });
  const root = process.getuid?.() === 0;
  const directory = mkdtempSync(join(tmpdir(), 'koop-pg-'));
  if (root) {
    execFileSync('chown', ['postgres', directory]);
  }
  chmodSync(directory, 0o700);
  const data = join(directory, 'data');
  const port = await freePort();
  asServerUser(root, join(bin, 'initdb'), [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'koop',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
  ]);
  const options = [
    `-p ${port}`,
    `-k ${directory}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=200',
    ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  asServerUser(root, join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    options,
    '-l',
    join(directory, 'log'),
    '-w',
    'start',
  ]);
  asServerUser(root, join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'koop', 'koop']);
  let stopped = false;
  return {
    url: `postgres://koop@127.0.0.1:${port}/koop`,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        asServerUser(root, join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
  };
}
