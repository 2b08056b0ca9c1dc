#!/usr/bin/env node
// Build step: derives the embedded region table from the npm package idn-area-data.
//
//   node scripts/build_regions.mjs <idn-area-data data folder> <output .cpp>
//
// Reads provinces.csv (code,name), regencies.csv (code,province_code,name) and
// districts.csv (code,regency_code,name), checks them, and writes a C++ source that defines
//
//   namespace atlas::generated {
//   extern const char region_lines[];        // "code\tname\n" lines sorted by code
//   extern const std::size_t region_lines_size;  // bytes, without the final NUL
//   }
//
// The output is rewritten only when its content changes, so an unchanged table does not
// make the build recompile anything. The data is under the ODbL (see
// assets/LICENSES/idn-area-data-ODbL.md); this script only uses node's standard library.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import process from 'node:process';
import { fail, runMain, writeIfChanged } from './build_util.mjs';

// RFC 4180 parser: quoted fields may hold commas, doubled quotes ("") and line breaks;
// records end with LF or CRLF; a UTF-8 BOM at the start is ignored. Returns
// [{ fields, line }] where `line` is the 1-based line on which the record starts.
function parseCsv(text, file) {
  const records = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) fail(`${file}:${startLine}: unterminated quoted field`);
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            if (c === '\n') line++;
            field += c;
            i++;
          }
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) {
          fail(`${file}:${line}: unexpected character after a closing quote`);
        }
      } else {
        const start = i;
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"') fail(`${file}:${line}: stray quote in an unquoted field`);
          i++;
        }
        if (text[i] === '\r' && text[i + 1] !== '\n') fail(`${file}:${line}: bare carriage return`);
        field = text.slice(start, i);
      }
      fields.push(field);
      if (i >= n) break;
      if (text[i] === ',') {
        i++;
        continue;
      }
      // End of record: LF or CRLF.
      i += text[i] === '\r' ? 2 : 1;
      line++;
      break;
    }
    // A blank line (one empty field) is tolerated, e.g. a trailing newline at the end.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: startLine });
  }
  return records;
}

const PATTERNS = {
  province: /^\d{2}$/,
  regency: /^\d{2}\.\d{2}$/,
  district: /^\d{2}\.\d{2}\.\d{2}$/,
};

function readTable(dir, fileName, header, level, parentLevel) {
  const path = join(dir, fileName);
  if (!existsSync(path)) fail(`${path}: file not found`);
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    fail(`${path}: cannot read (${e.message})`);
  }
  if (text.includes('\uFFFD')) fail(`${path}: not valid UTF-8`);
  const records = parseCsv(text, path);
  if (records.length === 0) fail(`${path}: empty file`);
  const head = records[0];
  if (head.fields.join(',') !== header.join(',')) {
    fail(`${path}:${head.line}: expected the header "${header.join(',')}", found "${head.fields.join(',')}"`);
  }
  const rows = [];
  for (const { fields, line } of records.slice(1)) {
    const where = `${path}:${line}`;
    if (fields.length !== header.length) {
      fail(`${where}: expected ${header.length} fields, found ${fields.length}`);
    }
    const code = fields[0];
    const name = fields[header.length - 1].trim();
    if (!PATTERNS[level].test(code)) fail(`${where}: malformed ${level} code "${code}"`);
    if (name === '') fail(`${where}: empty name for ${code}`);
    // Names become "code<TAB>name<LF>" lines, so no control characters at all.
    if (/[\u0000-\u001f\u007f]/.test(name)) fail(`${where}: control character in the name of ${code}`);
    let parent = null;
    if (parentLevel) {
      parent = fields[1];
      if (!PATTERNS[parentLevel].test(parent)) fail(`${where}: malformed ${parentLevel} code "${parent}"`);
      if (!code.startsWith(`${parent}.`)) fail(`${where}: code ${code} is not inside its parent ${parent}`);
    }
    rows.push({ code, name, parent, where });
  }
  if (rows.length === 0) fail(`${path}: no data rows`);
  return rows;
}

function buildLines(dir) {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    fail(`${dir}: region data folder not found (install the npm package idn-area-data, e.g. with "npm ci")`);
  }
  const provinces = readTable(dir, 'provinces.csv', ['code', 'name'], 'province', null);
  const regencies = readTable(dir, 'regencies.csv', ['code', 'province_code', 'name'], 'regency', 'province');
  const districts = readTable(dir, 'districts.csv', ['code', 'regency_code', 'name'], 'district', 'regency');

  const byCode = new Map();
  for (const row of [...provinces, ...regencies, ...districts]) {
    const previous = byCode.get(row.code);
    if (previous) fail(`${row.where}: duplicate code ${row.code} (first at ${previous.where})`);
    byCode.set(row.code, row);
  }
  for (const row of [...regencies, ...districts]) {
    if (!byCode.has(row.parent)) fail(`${row.where}: unknown parent code ${row.parent}`);
  }

  // Plain code-unit order equals byte order for these ASCII codes, which is the order the
  // C++ side binary-searches with std::string_view comparisons ("35" < "35.07" < "35.07.01").
  const codes = [...byCode.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = codes.map((code) => `${code}\t${byCode.get(code).name}\n`).join('');
  return {
    lines,
    counts: { provinces: provinces.length, regencies: regencies.length, districts: districts.length },
  };
}

// One C++ string literal piece per record; octal escapes (always three digits, so a
// following digit cannot extend them) for every byte outside printable ASCII.
function cppLiteral(bytes) {
  let s = '"';
  for (const b of bytes) {
    if (b === 0x5c) s += '\\\\';
    else if (b === 0x22) s += '\\"';
    else if (b === 0x3f) s += '\\?'; // never form a trigraph, whatever the dialect
    else if (b === 0x09) s += '\\t';
    else if (b === 0x0a) s += '\\n';
    else if (b >= 0x20 && b < 0x7f) s += String.fromCharCode(b);
    else s += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return `${s}"`;
}

function renderCpp({ lines, counts }, version) {
  const bytes = Buffer.from(lines, 'utf8');
  const out = [];
  out.push('// Generated by scripts/build_regions.mjs - do not edit.');
  out.push(`// Source: idn-area-data ${version} (https://github.com/fityannugroho/idn-area-data),`);
  out.push('// data under the Open Database License 1.0, see assets/LICENSES/idn-area-data-ODbL.md.');
  out.push(`// ${counts.provinces} provinces, ${counts.regencies} regencies and cities, ${counts.districts} kecamatan;`);
  out.push(`// ${bytes.length} bytes of "code<TAB>name<LF>" lines sorted by code.`);
  out.push('#include <cstddef>');
  out.push('');
  out.push('namespace atlas::generated {');
  out.push('');
  out.push('extern const char region_lines[];');
  out.push('extern const std::size_t region_lines_size;');
  out.push('');
  out.push('// One adjacent string literal piece per record (each a few dozen bytes). The joined');
  out.push('// literal is longer than the 65,536 bytes the standard asks compilers to support;');
  out.push('// g++, clang and emscripten have no such limit (MSVC has one), so only the pedantic');
  out.push('// warning about it is silenced.');
  out.push('#if defined(__clang__)');
  out.push('#pragma clang diagnostic ignored "-Woverlength-strings"');
  out.push('#elif defined(__GNUC__)');
  out.push('#pragma GCC diagnostic ignored "-Woverlength-strings"');
  out.push('#endif');
  out.push('const char region_lines[] =');
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    out.push(`    ${cppLiteral(bytes.subarray(start, i + 1))}`);
    start = i + 1;
  }
  if (start !== bytes.length) fail('internal error: table does not end with a newline');
  out.push('    ;');
  out.push('const std::size_t region_lines_size = sizeof(region_lines) - 1;');
  out.push('');
  out.push('}  // namespace atlas::generated');
  out.push('');
  return out.join('\n');
}

function packageVersion(dataDir) {
  try {
    const pkg = JSON.parse(readFileSync(join(dataDir, '..', 'package.json'), 'utf8'));
    if (pkg.name === 'idn-area-data' && typeof pkg.version === 'string') return pkg.version;
  } catch {
    // The folder may be a plain copy of the CSVs; the version is only informative.
  }
  return '(unknown version)';
}

function main(argv) {
  if (argv.length !== 2) {
    process.stderr.write('usage: node scripts/build_regions.mjs <idn-area-data data folder> <output .cpp>\n');
    return 2;
  }
  const [dataDir, outPath] = argv.map((p) => resolve(p));
  const table = buildLines(dataDir);
  const content = renderCpp(table, packageVersion(dataDir));
  const changed = writeIfChanged(outPath, content);
  const { provinces, regencies, districts } = table.counts;
  process.stdout.write(
    `${basename(outPath)}: ${provinces} provinces, ${regencies} regencies, ${districts} kecamatan` +
      `${changed ? '' : ' (unchanged)'}\n`,
  );
  return 0;
}

runMain('build_regions', main);
