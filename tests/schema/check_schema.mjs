// The JSON Schema and the C++ validator must agree on the same files.
//
// Usage (from the repository root, as ctest runs it):
//   node tests/schema/check_schema.mjs <path to the atlas CLI>
//
// For every entry of tests/data/manifest.json:
//   * schema side: the file is read as bytes; a UTF-8 BOM is stripped; bytes that are not
//     UTF-8 or text that is not JSON count as "invalid"; otherwise ajv (draft-07) decides.
//     The verdict must equal entry.schema.
//   * validator side: `atlas validate FILE` must exit 0 when the entry expects no error and
//     no fatal problem, 1 otherwise, and print every expected error as a "PATH: …" line.
//   * agreement: a file the schema rejects must not pass the validator (the validator is
//     the stricter of the two; the schema cannot express references, duplicates, calendars).
// assets/bundles/seed.json, when present, must be valid for both.
// Prints one PASS/FAIL line per file and exits 1 on any mismatch.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import Ajv from "ajv";

const cli = process.argv[2];
if (!cli) {
  console.error("usage: node tests/schema/check_schema.mjs <path to the atlas CLI>");
  process.exit(2);
}
const cliPath = path.resolve(cli);
if (!fs.existsSync(cliPath)) {
  console.error(`check_schema: the atlas CLI was not found at ${cliPath}`);
  process.exit(2);
}

const root = process.cwd();
const dataDir = path.join(root, "tests/data");
const schemaPath = path.join(root, "assets/schema/bundle-v1.schema.json");
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

const manifest = JSON.parse(fs.readFileSync(path.join(dataDir, "manifest.json"), "utf8"));
const entries = [...manifest.entries];
const seed = path.join(root, "assets/bundles/seed.json");
if (fs.existsSync(seed)) {
  entries.push({ file: "assets/bundles/seed.json", absolute: seed, schema: "valid", errors: [] });
}

// Schema verdict for raw bytes: { verdict: "valid" | "invalid", why: string }.
function schemaVerdict(bytes) {
  let text;
  try {
    let b = bytes;
    if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
    text = new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    return { verdict: "invalid", why: "not UTF-8" };
  }
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { verdict: "invalid", why: `not JSON (${e.message})` };
  }
  if (validate(doc)) return { verdict: "valid", why: "" };
  const first = validate.errors
    .slice(0, 3)
    .map((e) => `${e.instancePath || "/"} ${e.message}`)
    .join("; ");
  return { verdict: "invalid", why: `${validate.errors.length} schema error(s): ${first}` };
}

function runValidator(file) {
  const r = spawnSync(cliPath, ["validate", file], { encoding: "utf8", timeout: 60_000, maxBuffer: 64 << 20 });
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? "", stderr: r.stderr ?? "", error: r.error };
}

const rows = [];
let failures = 0;
for (const entry of entries) {
  const file = entry.absolute ?? path.join(dataDir, entry.file);
  const problems = [];
  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    problems.push(`cannot read: ${e.message}`);
  }
  let sv = { verdict: "?", why: "" };
  if (bytes) {
    sv = schemaVerdict(bytes);
    if (sv.verdict !== entry.schema)
      problems.push(`schema says ${sv.verdict}, manifest says ${entry.schema}${sv.why ? ` (${sv.why})` : ""}`);

    const expectsProblem = Boolean(entry.fatal) || (entry.errors ?? []).length > 0;
    const v = runValidator(file);
    if (v.error) {
      problems.push(`could not run the validator: ${v.error.message}`);
    } else if (v.signal) {
      problems.push(`validator killed by ${v.signal} (crash)`);
    } else {
      const want = expectsProblem ? 1 : 0;
      if (v.status !== want) {
        const said = (v.stdout.trim().split("\n")[0] || v.stderr.trim().split("\n")[0] || "").slice(0, 160);
        problems.push(`validator exit ${v.status}, expected ${want}${said ? ` (${said})` : ""}`);
      }
      const lines = v.stdout.split("\n");
      for (const err of entry.errors ?? []) {
        const prefix = `${err.path}: `;
        if (!lines.some((l) => l.startsWith(prefix) && l.includes(err.contains)))
          problems.push(`validator did not print "${prefix}…${err.contains}…"`);
      }
      if (entry.fatal && !v.stdout.includes(entry.fatal.contains))
        problems.push(`validator output lacks "${entry.fatal.contains}"`);
      // Agreement: the schema rejecting a file the validator accepts is a hole in the validator.
      if (sv.verdict === "invalid" && v.status === 0)
        problems.push("the schema rejects this file but the validator accepts it");
    }
  }
  const ok = problems.length === 0;
  if (!ok) failures++;
  rows.push({ ok, file: entry.file, schema: sv.verdict, problems, regression: entry.regression });
}

const width = Math.max(...rows.map((r) => r.file.length));
for (const r of rows) {
  console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.file.padEnd(width)}  schema=${r.schema}`);
  for (const p of r.problems) console.log(`        - ${p}`);
  if (!r.ok && r.regression) console.log(`        (regression test for a loader bug: ${r.regression})`);
}
console.log(`\n${rows.length - failures} of ${rows.length} files agree; ${failures} mismatch(es).`);
process.exit(failures ? 1 : 0);
