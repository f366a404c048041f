import { encode } from "uqr";

// The QR code as a PNG for slide software and printers that take no SVG. Written here rather than
// taken from a library: PNG encoders on npm bring Node's zlib and Buffer (not on Workers without
// nodejs_compat) or tens of kilobytes. One bit per pixel and "stored" (uncompressed) deflate blocks
// keep it to ~60 lines, synchronous, and byte-identical on Node and Workers (the platforms'
// CompressionStream compresses differently); the file is ~11 KB at 10 px a module.

const MODULE_PX = 10;
const BORDER = 2;

/** The QR code of `text` as a 1-bit greyscale PNG, 10 px per module, 2 modules of white border. */
export function qrPng(text: string): Uint8Array<ArrayBuffer> {
  const { data, size } = encode(text, { ecc: "M", border: BORDER });
  const width = size * MODULE_PX;
  const rowBytes = Math.ceil(width / 8);
  const raw = new Uint8Array((rowBytes + 1) * width); // each row: filter type 0 (none), then the bits
  for (let y = 0; y < width; y++) {
    const row = data[Math.floor(y / MODULE_PX)]!;
    const start = y * (rowBytes + 1) + 1;
    for (let x = 0; x < width; x++) {
      // 1 is white in greyscale; padding bits at the row's end stay 0 and are never shown.
      if (!row[Math.floor(x / MODULE_PX)]) raw[start + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, width);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
  return concat([PNG_SIGNATURE, chunk("IHDR", header), chunk("IDAT", zlibStored(raw)), chunk("IEND", new Uint8Array(0))]);
}

const PNG_SIGNATURE = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);

/** A zlib stream of stored deflate blocks (RFC 1950/1951): no compression, same bytes everywhere. */
function zlibStored(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const blocks = Math.max(1, Math.ceil(bytes.length / 65535));
  const out = new Uint8Array(2 + blocks * 5 + bytes.length + 4);
  out.set([0x78, 0x01]);
  let at = 2;
  for (let i = 0; i < blocks; i++) {
    const part = bytes.subarray(i * 65535, (i + 1) * 65535);
    out[at] = i === blocks - 1 ? 1 : 0;
    out[at + 1] = part.length & 0xff;
    out[at + 2] = part.length >> 8;
    out[at + 3] = ~part.length & 0xff;
    out[at + 4] = (~part.length >> 8) & 0xff;
    out.set(part, at + 5);
    at += 5 + part.length;
  }
  new DataView(out.buffer).setUint32(at, adler32(bytes));
  return out;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function chunk(type: string, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
