// Fails the dashboard build when the initial JavaScript, as transferred (gzip), exceeds the budget.
// Angular's own budgets count raw bytes; what a user waits for on a slow line is the compressed size.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [directory = 'dist/apps/dashboard/browser', budgetKb = '250'] = process.argv.slice(2);
const html = readFileSync(join(directory, 'index.html'), 'utf8');
// The initial scripts are those index.html loads or preloads; lazy chunks are fetched later.
const files = [
  ...new Set([...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1])),
];
if (files.length === 0) {
  console.error(`No initial scripts found in ${directory}/index.html`);
  process.exit(1);
}
let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(join(directory, file)), { level: 9 }).length;
  total += size;
  console.log(`${file.padEnd(28)} ${(size / 1024).toFixed(1).padStart(7)} KB gzip`);
}
const limit = Number(budgetKb) * 1024;
console.log(`initial JavaScript ${(total / 1024).toFixed(1)} KB gzip (budget ${budgetKb} KB)`);
if (total > limit) {
  console.error(`Over budget by ${((total - limit) / 1024).toFixed(1)} KB: make more of the app lazy.`);
  process.exit(1);
}
