// Shared by the build-time generators (build_regions.mjs, embed_files.mjs).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

// A problem with the generator's input: reported as one line, exit 1 (never a stack trace).
export class InputError extends Error {}
export function fail(message) {
  throw new InputError(message);
}

// Writes `content` only when it differs, atomically, so unchanged outputs don't trigger rebuilds.
// Returns true when the file was written.
export function writeIfChanged(path, content) {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return false;
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
  return true;
}

// Runs main(argv) → exit code; input errors become "<name>: error: …" and exit code 1.
export function runMain(name, main) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    process.stderr.write(`${name}: error: ${e.message}\n`);
    process.exitCode = 1;
  }
}
