/**
 * Writes the add-in icons (assets/icon-16/32/64/80.png) without ImageMagick: a blue tile with "PB" in a 3×5 pixel
 * font, scaled, encoded as PNG with zlib. Run `node scripts/make-icons.js` after changing the design; the PNGs are committed.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const GLYPHS = {
  P: ["111", "101", "111", "100", "100"],
  B: ["110", "101", "110", "101", "110"],
};

function crc32(buf) {
  let c;
  let crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function icon(size) {
  const text = "PB";
  // 3 columns per glyph + 1 gap: 7×5 cells; the scale leaves a margin of about an eighth.
  const cell = Math.max(1, Math.floor((size * 0.75) / 7));
  const w = 7 * cell;
  const h = 5 * cell;
  const x0 = Math.floor((size - w) / 2);
  const y0 = Math.floor((size - h) / 2);
  const radius = Math.max(1, Math.round(size / 6));
  return png(size, (x, y) => {
    const cx = Math.min(x, size - 1 - x);
    const cy = Math.min(y, size - 1 - y);
    if (cx < radius && cy < radius && (radius - cx) ** 2 + (radius - cy) ** 2 > radius ** 2) return [0, 0, 0, 0];
    const gx = Math.floor((x - x0) / cell);
    const gy = Math.floor((y - y0) / cell);
    if (x >= x0 && y >= y0 && gx < 7 && gy < 5) {
      const g = Math.floor(gx / 4);
      const col = gx % 4;
      if (col < 3 && GLYPHS[text[g]][gy][col] === "1") return [255, 255, 255, 255];
    }
    return [0x1f, 0x4e, 0x79, 255];
  });
}

const dir = path.join(__dirname, "..", "assets");
fs.mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 64, 80]) {
  fs.writeFileSync(path.join(dir, `icon-${size}.png`), icon(size));
}
console.log("assets/icon-{16,32,64,80}.png geschreven");
