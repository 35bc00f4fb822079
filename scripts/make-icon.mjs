#!/usr/bin/env node
// Draws the app icon (resources/icon.png, 512×512): a deep-blue rounded square with a white
// open book and a gold star above it — the contest's "good practices" in education. Drawn here,
// with no image editor, so anyone can redraw or tweak it: `node scripts/make-icon.mjs`.
// Shapes are signed-distance functions sampled 4×4 per pixel for smooth (anti-aliased) edges;
// the PNG is encoded with node:zlib.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4;
const BLUE = [16, 63, 122];
const WHITE = [255, 255, 255];
const GOLD = [245, 178, 35];
const SHADE = [200, 214, 232];

function roundedSquare(x, y) {
  const half = 232;
  const radius = 96;
  const qx = Math.abs(x - 256) - (half - radius);
  const qy = Math.abs(y - 256) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function insidePolygon(points, x, y) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const star = Array.from({ length: 10 }, (_, i) => {
  const angle = -Math.PI / 2 + (i * Math.PI) / 5;
  const r = i % 2 === 0 ? 92 : 38;
  return [256 + r * Math.cos(angle), 168 + r * Math.sin(angle)];
});
// Two pages, each a quadrilateral whose top edge dips towards the spine.
const leftPage = [[104, 288], [248, 314], [248, 420], [104, 394]];
const rightPage = [[408, 288], [264, 314], [264, 420], [408, 394]];
const spine = [[248, 314], [264, 314], [264, 424], [248, 424]];

function colourAt(x, y) {
  if (roundedSquare(x, y) > 0) return null;
  if (insidePolygon(star, x, y)) return GOLD;
  if (insidePolygon(leftPage, x, y) || insidePolygon(rightPage, x, y)) return WHITE;
  if (insidePolygon(spine, x, y)) return SHADE;
  return BLUE;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (!c) continue;
        r += c[0];
        g += c[1];
        b += c[2];
        a += 1;
      }
    }
    const o = row + 1 + x * 4;
    if (a > 0) {
      raw[o] = Math.round(r / a);
      raw[o + 1] = Math.round(g / a);
      raw[o + 2] = Math.round(b / a);
    }
    raw[o + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const target = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'resources', 'icon.png');
fs.writeFileSync(target, png);
console.log(`${target} (${png.length} bytes)`);
