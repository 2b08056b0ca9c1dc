// Runs the atlas CLI over every test file the way a user would (validate, stats, query, lineage,
// map, export, import, merge) and fails on anything but a clean answer: an exit status other
// than 0 (fine), 1 (problems found) or 2 (usage), a signal, or a sanitizer report on stderr.
// Built with the asan preset this is the LeakSanitizer run of the CLI: every allocation must be
// freed by exit (ASAN_OPTIONS detect_leaks=1 is set here). Usage: node cli_sweep.mjs ATLAS_CLI
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, copyFileSync, mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { tmpdir } from 'node:os';

const cli = process.argv[2];
if (!cli) { console.error('usage: node cli_sweep.mjs ATLAS_CLI'); process.exit(2); }
const root = new URL('../..', import.meta.url).pathname;
const env = {
  ...process.env,
  ASAN_OPTIONS: 'detect_leaks=1:exitcode=86:abort_on_error=0:allocator_may_return_null=1',
  LSAN_OPTIONS: 'exitcode=87',
  UBSAN_OPTIONS: 'halt_on_error=1:exitcode=88:print_stacktrace=1',
};
const sanitizerReport = /ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: UndefinedBehaviorSanitizer/;
let runs = 0;
const failures = [];

function atlas(args, what) {
  const r = spawnSync(cli, args, { env, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 120_000 });
  runs++;
  const bad = r.error || r.signal || ![0, 1, 2].includes(r.status) || sanitizerReport.test(r.stderr);
  if (bad) {
    failures.push(`${what}: atlas ${args.join(' ')} → status ${r.status} signal ${r.signal} ${r.error ?? ''}\n` +
                  r.stderr.split('\n').slice(0, 30).join('\n'));
  }
  return r;
}

const list = (dir, ext) => readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => join(dir, f));
const bundles = [
  ...list(join(root, 'tests/data/good'), '.json'),
  ...list(join(root, 'tests/data/bad'), '.json'),
  ...list(join(root, 'tests/data/fuzz/bundle'), '.json'),
  join(root, 'assets/bundles/seed.json'),
];
const work = mkdtempSync(join(tmpdir(), 'atlas-sweep-'));
try {
  for (const b of bundles) {
    const name = basename(b);
    const v = atlas(['validate', b], name);
    atlas(['stats', b], name);
    atlas(['query', b, '--search', 'puskesmas', '--facet', 'province=35', '--limit', '5'], name);
    atlas(['lineage', b, 'a'], name);
    atlas(['map', b], name);
    atlas(['export', b, '-o', join(work, 'out.csv')], name);
    if (v.status === 0) {
      const dir = join(work, 'csv');
      rmSync(dir, { recursive: true, force: true });
      atlas(['export', b, '--csv', dir], name);
      atlas(['import', dir, '-o', join(work, 'back.json')], name);
      atlas(['merge', b, join(root, 'assets/bundles/seed.json'), '-o', join(work, 'merged.json')], name);
    }
  }
  // Every bad CSV of the import manifest, imported as its manifest says (next to common/).
  const csvDir = join(root, 'tests/data/csv');
  const manifest = JSON.parse(readFileSync(join(csvDir, 'manifest.json'), 'utf8'));
  for (const e of manifest.entries) {
    const dir = join(work, 'imp');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    for (const f of readdirSync(join(csvDir, 'common'))) copyFileSync(join(csvDir, 'common', f), join(dir, f));
    copyFileSync(join(csvDir, e.file), join(dir, e.as));
    for (const [as, path] of Object.entries(e.with ?? {})) copyFileSync(join(csvDir, path), join(dir, as));
    atlas(['import', dir, '-o', join(work, 'imp.json'), '--allow-errors'], e.file);
  }
  // The fuzz inputs of the CSV target, split into their files.
  const fuzzCsv = join(root, 'tests/data/fuzz/csv');
  for (const f of readdirSync(fuzzCsv).sort()) {
    const dir = join(work, 'fz');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const text = readFileSync(join(fuzzCsv, f), 'latin1');
    let current = 'innovations.csv';
    const parts = new Map();
    for (const line of text.split(/(?<=\n)/)) {
      const m = /^=== ([^\r\n/]*)\r?\n?$/.exec(line);
      if (m) { current = m[1] || 'unnamed.csv'; continue; }
      parts.set(current, (parts.get(current) ?? '') + line);
    }
    for (const [name, body] of parts) {
      if (!/^[\w.-]+$/.test(name)) continue;  // names the file system would not take
      spawnSync('sh', ['-c', 'cat > "$1"', 'sh', join(dir, name)], { input: Buffer.from(body, 'latin1') });
    }
    atlas(['import', dir, '-o', join(work, 'fz.json'), '--allow-errors'], `fuzz/csv/${f}`);
  }
  // Usage errors and missing files.
  atlas([], 'no arguments');
  atlas(['validate'], 'validate without file');
  atlas(['validate', join(work, 'missing.json')], 'missing file');
  atlas(['import', join(work, 'missing-dir')], 'missing folder');
  atlas(['query', bundles[0], '--facet', 'nope=1'], 'bad facet');
  atlas(['synth', '--innovations', '200', '--replications', '400', '-o', join(work, 'synth.json')], 'synth');
  atlas(['validate', join(work, 'synth.json')], 'synth');
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`cli_sweep: ${runs} runs of ${cli} over ${bundles.length} bundles and every CSV test set`);
if (failures.length) {
  console.error(`cli_sweep: ${failures.length} failed:\n${failures.join('\n\n')}`);
  process.exit(1);
}
console.log('cli_sweep: every run ended cleanly (no crash, no sanitizer report)');
