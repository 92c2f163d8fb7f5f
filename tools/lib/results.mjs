// What every benchmark writes with its figures into tools/bench/RESULTS.md: when, on what machine, at which
// commit, by which command. The machine is shared, so its load average at the start and end comes along.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { ROOT } from './server.mjs';

export const RESULTS_FILE = join(ROOT, 'tools/bench/RESULTS.md');

/** Call at the benchmark's start: `header(title, command)` at its end gives the section's first lines. */
export function startRecording() {
  const startedAt = new Date();
  const loadBefore = os.loadavg()[0];
  return {
    header(title, command, note = '') {
      const cpu = os.cpus();
      let commit = 'unknown';
      try {
        commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
      } catch {
        // not a git checkout
      }
      const stamp = startedAt.toISOString().slice(0, 16).replace('T', ' ');
      return [
        `## ${stamp} UTC — ${title}`,
        '',
        `- Machine: ${os.arch()}, ${cpu.length} cores (${cpu[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory; load average ${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end (the machine is shared${note})`,
        `- Command: \`${command}\``,
        `- Commit: ${commit}`,
      ].join('\n');
    },
  };
}

/** Appends a section to RESULTS.md, formatted as the repository formats Markdown. */
export async function appendResults(section) {
  const results = `${readFileSync(RESULTS_FILE, 'utf8')}\n${section}\n`;
  const config = (await prettier.resolveConfig(RESULTS_FILE)) ?? {};
  writeFileSync(RESULTS_FILE, await prettier.format(results, { ...config, filepath: RESULTS_FILE }));
  process.stdout.write(`Appended to ${RESULTS_FILE}.\n`);
}
