#!/usr/bin/env node
// Build step: derives the app's compact map asset from the shared boundary data folder
// (provinces.geojson, regencies.geojson, regions.csv; see its README). The geometry itself is
// never committed: the build reads it from ATLAS_GEO_DIR and writes the asset into the build tree.
//
//   node scripts/build_geo.mjs <geo folder> <output .bin>
//
// What the asset holds (all little-endian; read and checked by core/src/geo_asset.cpp):
//   header   "ATLASGEO", u32 version (2), u32 regions, u32 rings, u32 vertices, u32 indices,
//            u32 point stream bytes, f64 lon0, f64 lat0, f64 kx, f64 origin_x, f64 origin_y, f64 step
//   regions  per region (provinces first, then regencies, each sorted by code), 36 bytes:
//            char code[8] (NUL padded), u16 label_x, u16 label_y, u32 ring_begin, u16 ring_count,
//            u16 0, u32 vertex_begin, u32 vertex_count, u32 index_begin, u32 index_count
//   rings    per ring: u32 vertex_begin, u32 vertex_count (outer rings and holes alike; a
//            point is inside a region when it is inside an odd number of its rings); the rings
//            partition the points in order
//   points   quantised projected coordinates (0..65535), ring by ring, each x and y as the
//            difference to the ring's previous point (the first to 0,0), zigzag LEB128 varints
//   indices  triangle corners relative to the region's vertex_begin (earcut, holes respected,
//            so the runtime never triangulates), each as the difference to the previous corner,
//            zigzag LEB128 varints; they fill the bytes up to the trailer
//   Delta varints halve the asset (it is inlined base64 in the page): 290 → 160 KB.
//   trailer  u32 FNV-1a of every byte before it (a corrupt asset is refused, not drawn)
//
// Projection: equirectangular around (lon0, lat0) = (118, -2.5), x = (lon - lon0)·cos(lat0),
// y = lat - lat0, in degree-sized units (Indonesia straddles the equator, so this keeps
// shapes and areas within 0.2 % of true in the middle and ~1 % at the edges). A quantum
// (step) is the larger extent / 65535: about 80 m, below the data's own simplification
// tolerance (150 m and more). Consecutive points that fall on the same quantum are merged.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import process from 'node:process';
import earcut, { deviation } from 'earcut';
import { fail, runMain, writeIfChanged } from './build_util.mjs';

const LON0 = 118;
const LAT0 = -2.5;
const KX = Math.cos((LAT0 * Math.PI) / 180);
const project = (lon, lat) => [(lon - LON0) * KX, lat - LAT0];
const SHAPE_TYPE = /^(Multi)?Pol[y]gon$/; // the two GeoJSON area geometry types

function readJson(file) {
  if (!existsSync(file)) fail(`${file}: file not found`);
  let doc;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${file}: not JSON (${e.message})`);
  }
  if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) fail(`${file}: not a GeoJSON FeatureCollection`);
  return doc;
}

// regions.csv: code,name,short_name,level,parent_code,label_lng,label_lat (no quoted commas
// in codes or numbers; names are not used here, the app names regions from its own table).
function readLabels(file) {
  if (!existsSync(file)) fail(`${file}: file not found`);
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines.shift().split(',');
  const col = (name) => {
    const i = header.indexOf(name);
    if (i < 0) fail(`${file}: no column "${name}"`);
    return i;
  };
  const [ci, lngi, lati] = [col('code'), col('label_lng'), col('label_lat')];
  const labels = new Map();
  lines.forEach((line, k) => {
    // Quoted names may hold commas: take code from the front and the numbers from the back.
    const parts = line.split(',');
    const code = parts[ci];
    const lng = Number(parts[parts.length - (header.length - lngi)]);
    const lat = Number(parts[parts.length - (header.length - lati)]);
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) fail(`${file}:${k + 2}: label point of ${code} is not numeric`);
    labels.set(code, [lng, lat]);
  });
  return labels;
}

// Parts of a feature as arrays of rings, each ring an array of [lon, lat].
function partsOf(feature, file) {
  const g = feature.geometry;
  const code = feature.properties?.code;
  if (!g || !SHAPE_TYPE.test(g.type)) fail(`${file}: feature ${code}: geometry type ${g?.type} is not an area`);
  return g.type.startsWith('Multi') ? g.coordinates : [g.coordinates];
}

function build(dir) {
  const provinces = readJson(join(dir, 'provinces.geojson'));
  const regencies = readJson(join(dir, 'regencies.geojson'));
  const labels = readLabels(join(dir, 'regions.csv'));
  const features = [];
  for (const [doc, file, re] of [[provinces, 'provinces.geojson', /^\d\d$/], [regencies, 'regencies.geojson', /^\d\d\.\d\d$/]]) {
    const seen = new Set();
    const list = doc.features.map((f) => {
      const code = f.properties?.code;
      if (typeof code !== 'string' || !re.test(code)) fail(`${file}: feature code ${JSON.stringify(code)} is malformed`);
      if (seen.has(code)) fail(`${file}: code ${code} appears twice`);
      seen.add(code);
      if (!labels.has(code)) fail(`regions.csv: no label point for ${code}`);
      return { code, parts: partsOf(f, file) };
    });
    list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    features.push(...list);
  }

  // Extent → quantisation.
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features)
    for (const part of f.parts)
      for (const ring of part)
        for (const [lon, lat] of ring) {
          const [x, y] = project(lon, lat);
          minX = Math.min(minX, x); maxX = Math.max(maxX, x);
          minY = Math.min(minY, y); maxY = Math.max(maxY, y);
        }
  const step = Math.max(maxX - minX, maxY - minY) / 65535;
  const quant = (lon, lat) => {
    const [x, y] = project(lon, lat);
    return [Math.round((x - minX) / step), Math.round((y - minY) / step)];
  };

  const regions = [], rings = [], vertices = [], indices = [];
  let worstDeviation = 0, worstAt = '', droppedRings = 0;
  for (const f of features) {
    const region = { code: f.code, ringBegin: rings.length, vertexBegin: vertices.length / 2, indexBegin: indices.length };
    for (const part of f.parts) {
      const flat = [], holes = [];
      const partVertexBase = vertices.length / 2 - region.vertexBegin;
      for (let r = 0; r < part.length; ++r) {
        const q = [];
        for (const [lon, lat] of part[r]) {
          const p = quant(lon, lat);
          const last = q[q.length - 1];
          if (!last || last[0] !== p[0] || last[1] !== p[1]) q.push(p);
        }
        while (q.length > 1 && q[0][0] === q[q.length - 1][0] && q[0][1] === q[q.length - 1][1]) q.pop(); // closing point
        if (q.length < 3) {
          if (r === 0) break; // the whole part collapsed onto a few quanta: too small to draw
          ++droppedRings;
          continue;
        }
        if (r > 0) holes.push(flat.length / 2);
        rings.push({ begin: vertices.length / 2, count: q.length });
        for (const [x, y] of q) { flat.push(x, y); vertices.push(x, y); }
      }
      if (flat.length === 0) { ++droppedRings; continue; }
      const tri = earcut(flat, holes, 2);
      if (tri.length === 0) fail(`${f.code}: earcut produced no triangles for a part of ${flat.length / 2} points`);
      const dev = deviation(flat, holes, 2, tri);
      if (dev > worstDeviation) { worstDeviation = dev; worstAt = `${f.code} (${flat.length / 2} points)`; }
      for (const i of tri) indices.push(partVertexBase + i);
    }
    region.ringCount = rings.length - region.ringBegin;
    region.vertexCount = vertices.length / 2 - region.vertexBegin;
    region.indexCount = indices.length - region.indexBegin;
    if (region.ringCount === 0) fail(`${f.code}: nothing left to draw after quantisation`);
    if (region.vertexCount > 65535) fail(`${f.code}: ${region.vertexCount} points do not fit 16-bit indices`);
    if (region.ringCount > 65535) fail(`${f.code}: too many rings`);
    const [lon, lat] = labels.get(f.code);
    region.label = quant(lon, lat);
    regions.push(region);
  }
  // earcut's own check: |area of triangles - area of rings| / area of rings, per part.
  if (worstDeviation > 0.02) fail(`earcut's triangles differ from the outlines of ${worstAt} by ${(worstDeviation * 100).toFixed(2)} % of its area`);

  // Serialise.
  const varints = (values) => {
    const out = [];
    for (const v of values) {
      let z = ((v << 1) ^ (v >> 31)) >>> 0; // zigzag
      while (z >= 0x80) { out.push((z & 0x7f) | 0x80); z >>>= 7; }
      out.push(z);
    }
    return Buffer.from(out);
  };
  const pointDeltas = [];
  for (const r of rings) {
    let [px, py] = [0, 0];
    for (let k = r.begin; k < r.begin + r.count; ++k) {
      pointDeltas.push(vertices[2 * k] - px, vertices[2 * k + 1] - py);
      [px, py] = [vertices[2 * k], vertices[2 * k + 1]];
    }
  }
  const pointStream = varints(pointDeltas);
  const indexStream = varints(indices.map((v, k) => v - (k ? indices[k - 1] : 0)));
  const headerSize = 8 + 4 * 6 + 8 * 6;
  const size = headerSize + regions.length * 36 + rings.length * 8 + pointStream.length + indexStream.length + 4;
  const buf = Buffer.alloc(size);
  let o = 0;
  buf.write('ATLASGEO', o, 'ascii'); o += 8;
  for (const v of [2, regions.length, rings.length, vertices.length / 2, indices.length, pointStream.length]) {
    buf.writeUInt32LE(v, o); o += 4;
  }
  for (const v of [LON0, LAT0, KX, minX, minY, step]) { buf.writeDoubleLE(v, o); o += 8; }
  for (const r of regions) {
    buf.write(r.code, o, 'ascii'); o += 8;
    buf.writeUInt16LE(r.label[0], o); buf.writeUInt16LE(r.label[1], o + 2); o += 4;
    buf.writeUInt32LE(r.ringBegin, o); buf.writeUInt16LE(r.ringCount, o + 4); o += 8;
    buf.writeUInt32LE(r.vertexBegin, o); buf.writeUInt32LE(r.vertexCount, o + 4);
    buf.writeUInt32LE(r.indexBegin, o + 8); buf.writeUInt32LE(r.indexCount, o + 12); o += 16;
  }
  for (const r of rings) { buf.writeUInt32LE(r.begin, o); buf.writeUInt32LE(r.count, o + 4); o += 8; }
  pointStream.copy(buf, o); o += pointStream.length;
  indexStream.copy(buf, o); o += indexStream.length;
  let h = 0x811c9dc5;
  for (let k = 0; k < o; ++k) h = Math.imul(h ^ buf[k], 0x01000193) >>> 0;
  buf.writeUInt32LE(h, o); o += 4;
  if (o !== size) throw new Error(`internal: wrote ${o} of ${size} bytes`);
  return { buf, regions: regions.length, rings: rings.length, vertices: vertices.length / 2, triangles: indices.length / 3,
           droppedRings, worstDeviation, worstAt };
}

function main(argv) {
  if (argv.length !== 2) {
    process.stderr.write('usage: node scripts/build_geo.mjs <geo folder> <output .bin>\n');
    return 2;
  }
  const [dir, out] = argv.map((p) => resolve(p));
  const r = build(dir);
  // writeIfChanged compares text; the asset is binary, so compare bytes here first.
  const changed = !(existsSync(out) && readFileSync(out).equals(r.buf)) && writeIfChanged(out, r.buf);
  process.stdout.write(`${basename(out)}: ${r.regions} regions, ${r.rings} rings, ${r.vertices} points, ` +
                       `${r.triangles} triangles, ${r.buf.length} bytes; ${r.droppedRings} rings under one quantum dropped; ` +
                       `largest earcut deviation ${(r.worstDeviation * 100).toFixed(3)} % (${r.worstAt})${changed ? '' : ' (unchanged)'}\n`);
  return 0;
}

runMain('build_geo', main);
