/**
 * A tiny QR reader for browser tests: a screenshot (PNG) of a rendered QR code → the text it holds.
 * It knows nothing of the encoder the page uses (uqr): it finds the modules in the pixels, reads the
 * format bits, unmasks, de-interleaves the blocks and parses byte mode, as a phone's scanner would.
 * A clean render needs no error correction; a wrong bit makes the text wrong and the test fail.
 */
import { inflateSync } from 'node:zlib';

/** PNG (8-bit RGB or RGBA, not interlaced) → width, height and a dark/light bit per pixel. */
function readPng(png: Buffer): { width: number; height: number; dark: (x: number, y: number) => boolean } {
  let pos = 8;
  let width = 0, height = 0, colourType = 0;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const length = png.readUInt32BE(pos);
    const type = png.toString('ascii', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colourType = data[9]!;
      if (data[8] !== 8 || (colourType !== 2 && colourType !== 6) || data[12] !== 0) throw new Error('unsupported PNG');
    }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + length;
  }
  const bpp = colourType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= bpp ? pixels[y * stride + i - bpp]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const c = i >= bpp && y > 0 ? pixels[(y - 1) * stride + i - bpp]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const add = [0, a, b, (a + b) >> 1, paeth][filter]!;
      pixels[y * stride + i] = (x + add) & 0xff;
    }
  }
  const dark = (x: number, y: number) => {
    const o = y * stride + x * bpp;
    return pixels[o]! + pixels[o + 1]! + pixels[o + 2]! < 384;
  };
  return { width, height, dark };
}

/** The module grid: find the dark bounding box, the module size from the top-left finder (7 wide). */
export function gridFromPng(png: Buffer): boolean[][] {
  const { width, height, dark } = readPng(png);
  let left = width, top = height, right = -1, bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!dark(x, y)) continue;
      left = Math.min(left, x); right = Math.max(right, x);
      top = Math.min(top, y); bottom = Math.max(bottom, y);
    }
  }
  if (right < 0) throw new Error('no dark pixels: no QR code in the picture');
  let run = 0;
  const row = top + 1;
  while (left + run <= right && dark(left + run, row)) run++;
  const module = run / 7;
  const size = Math.round((right - left + 1) / module);
  if ((size - 17) % 4 !== 0) throw new Error(`a QR code is 17+4v modules wide, not ${size}`);
  return Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) =>
    dark(Math.floor(left + (c + 0.5) * module), Math.floor(top + (r + 0.5) * module))));
}

// Error-correction tables of ISO/IEC 18004 (index: L, M, Q, H; then version).
const ECC_PER_BLOCK = [
  [-1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28],
  [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26],
  [-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30],
  [-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28],
];
const BLOCKS = [
  [-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8],
  [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16],
  [-1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20],
  [-1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25],
];
/** Format bits name the level as M=0, L=1, H=2, Q=3; the tables above go L, M, Q, H. */
const LEVEL_ROW = [1, 0, 3, 2];

function alignmentCentres(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const step = Math.floor((version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2;
  const size = version * 4 + 17;
  const result = [6];
  for (let pos = size - 7; result.length < count; pos -= step) result.splice(1, 0, pos);
  return result;
}

/** Which modules are finder, timing, alignment, format or version patterns (not data). */
function functionModules(version: number): boolean[][] {
  const size = version * 4 + 17;
  const f = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  const mark = (x0: number, y0: number, w: number, h: number) => {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if (x >= 0 && y >= 0 && x < size && y < size) f[y]![x] = true;
  };
  mark(0, 0, 9, 9); mark(size - 8, 0, 8, 9); mark(0, size - 8, 9, 8); // finders, separators, format
  mark(6, 0, 1, size); mark(0, 6, size, 1); // timing
  const centres = alignmentCentres(version);
  for (const [i, cy] of centres.entries()) {
    for (const [j, cx] of centres.entries()) {
      const corner = (i === 0 && j === 0) || (i === 0 && j === centres.length - 1) || (i === centres.length - 1 && j === 0);
      if (!corner) mark(cx - 2, cy - 2, 5, 5);
    }
  }
  if (version >= 7) { mark(size - 11, 0, 3, 6); mark(0, size - 11, 6, 3); }
  return f;
}

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0, (_x, y) => y % 2 === 0, (x) => x % 3 === 0, (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0, (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0, (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** The text held by a module grid (byte mode, as encoders use for URLs with lower-case letters). */
export function decodeGrid(grid: boolean[][]): string {
  const size = grid.length;
  const version = (size - 17) / 4;
  if (version < 1 || version > 20) throw new Error(`version ${version} is outside what this reader knows`);
  // The first copy of the format bits, around the top-left finder.
  let bits = 0;
  const at = (x: number, y: number) => (grid[y]![x] ? 1 : 0);
  const formatCells: [number, number][] = [
    ...[0, 1, 2, 3, 4, 5].map((i) => [8, i] as [number, number]), [8, 7], [8, 8], [7, 8],
    ...[9, 10, 11, 12, 13, 14].map((i) => [14 - i, 8] as [number, number]),
  ];
  formatCells.forEach(([x, y], i) => { bits |= at(x, y) << i; });
  const format = (bits ^ 0x5412) >> 10;
  const level = LEVEL_ROW[format >> 3]!;
  const mask = MASKS[format & 7]!;

  const isFunction = functionModules(version);
  const raw = Math.floor(((16 * version + 128) * version + 64
    - (version >= 2 ? (25 * (Math.floor(version / 7) + 2) - 10) * (Math.floor(version / 7) + 2) - 55 : 0)
    - (version >= 7 ? 36 : 0)) / 8);
  const codewords = new Array<number>(raw).fill(0);
  let i = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = ((right + 1) & 2) === 0 ? size - 1 - vert : vert;
        if (isFunction[y]![x] || i >= raw * 8) continue;
        const bit = grid[y]![x] !== mask(x, y);
        if (bit) codewords[i >>> 3]! |= 1 << (7 - (i & 7));
        i++;
      }
    }
  }
  // De-interleave: blocks take turns; short blocks have no byte at the last data position.
  const numBlocks = BLOCKS[level]![version]!;
  const eccLen = ECC_PER_BLOCK[level]![version]!;
  const numShort = numBlocks - (raw % numBlocks);
  const shortLen = Math.floor(raw / numBlocks);
  const blocks = Array.from({ length: numBlocks }, () => [] as number[]);
  let k = 0;
  for (let col = 0; col <= shortLen; col++) {
    for (let b = 0; b < numBlocks; b++) {
      if (col === shortLen - eccLen && b < numShort) continue;
      blocks[b]!.push(codewords[k++]!);
    }
  }
  const data = blocks.flatMap((block) => block.slice(0, block.length - eccLen));

  let pos = 0;
  const read = (n: number) => {
    let v = 0;
    for (let b = 0; b < n; b++, pos++) v = (v << 1) | ((data[pos >>> 3]! >> (7 - (pos & 7))) & 1);
    return v;
  };
  const mode = read(4);
  if (mode !== 0b0100) throw new Error(`mode ${mode} is not byte mode`);
  const length = read(version < 10 ? 8 : 16);
  const bytes = Buffer.from(Array.from({ length }, () => read(8)));
  return bytes.toString('utf8');
}

/** A screenshot of a QR code → its text. */
export const decodeQrPng = (png: Buffer): string => decodeGrid(gridFromPng(png));
