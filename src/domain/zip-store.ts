// A ZIP archive of "stored" (uncompressed) entries, enough for an XLSX file: local headers with the
// sizes and CRC-32 known up front (no data descriptors, which some readers mishandle), a central
// directory, the end record. Written here rather than with a zip library because the Worker bundle
// has no room for one (fflate's zipSync, the smallest maintained choice, is ≈ 6 KB gzip; this is
// ≈ 0.7 KB). Export tables are small, so storing without compression costs little; HTTP compression
// is the transport's job.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, the one ZIP and gzip use). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** 2000-01-01 00:00 in MS-DOS date and time: a fixed time, so the bytes depend only on the files. */
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;

/** The archive of these files (path → bytes), in the given order. Paths are ASCII. */
export function zipStored(files: readonly (readonly [string, Uint8Array])[]): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const entries = files.map(([path, data]) => ({ name: encoder.encode(path), data, crc: crc32(data) }));
  const localSize = entries.reduce((sum, e) => sum + 30 + e.name.length + e.data.length, 0);
  const centralSize = entries.reduce((sum, e) => sum + 46 + e.name.length, 0);
  const out = new Uint8Array(new ArrayBuffer(localSize + centralSize + 22));
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (value: number) => {
    view.setUint16(at, value, true);
    at += 2;
  };
  const u32 = (value: number) => {
    view.setUint32(at, value, true);
    at += 4;
  };
  const bytes = (value: Uint8Array) => {
    out.set(value, at);
    at += value.length;
  };
  // Version 2.0, no flags, method 0 (stored), the fixed time, CRC, sizes, name length, no extra.
  const common = (e: (typeof entries)[number]) => {
    u16(20);
    u16(0);
    u16(0);
    u16(DOS_TIME);
    u16(DOS_DATE);
    u32(e.crc);
    u32(e.data.length);
    u32(e.data.length);
    u16(e.name.length);
    u16(0);
  };
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(at);
    u32(0x04034b50);
    common(e);
    bytes(e.name);
    bytes(e.data);
  }
  const centralStart = at; // where the central directory begins, for the end record
  entries.forEach((e, i) => {
    u32(0x02014b50);
    u16(20); // made by: version 2.0, MS-DOS
    common(e);
    u16(0); // comment length
    u16(0); // disk number
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offsets[i]!);
    bytes(e.name);
  });
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(entries.length);
  u16(entries.length);
  u32(centralSize);
  u32(centralStart);
  u16(0);
  return out;
}
