import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/**
 * A minimal POSIX ustar writer and reader over gzip (no dependency): a backup is one `.tar.gz` any `tar -xzf`
 * can open. Entries stream through, so memory does not grow with attachment size.
 */
const BLOCK = 512;

function header(name: string, size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(BLOCK);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 154);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new Error(`tar entry name too long: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  h.write(base, 0, 100, 'utf8');
  h.write('0000644\0', 100, 'ascii');
  h.write('0000000\0', 108, 'ascii');
  h.write('0000000\0', 116, 'ascii');
  h.write(size.toString(8).padStart(11, '0') + '\0', 124, 'ascii');
  h.write(Math.floor(mtime.getTime() / 1000).toString(8).padStart(11, '0') + '\0', 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}

export interface EntryInfo {
  name: string;
  size: number;
  sha256: string;
}

/** Writes a gzipped tar to `file`; add entries one after another, then `finish()`. */
export function createTarWriter(file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tar = new PassThrough();
  const done = pipeline(tar, zlib.createGzip({ level: 6 }), fs.createWriteStream(file, { flags: 'wx' }));
  done.catch(() => {});
  const write = async (chunk: Buffer) => {
    if (!tar.write(chunk)) await once(tar, 'drain');
  };
  return {
    /** Adds an entry of known size from a stream or a buffer; returns its sha256. */
    async add(name: string, source: Buffer | Readable, size: number, mtime = new Date()): Promise<EntryInfo> {
      await write(header(name, size, mtime));
      const hash = createHash('sha256');
      let written = 0;
      const chunks: AsyncIterable<Buffer> | Buffer[] = Buffer.isBuffer(source) ? [source] : source;
      for await (const chunk of chunks) {
        written += chunk.length;
        if (written > size) throw new Error(`${name} grew while being archived`);
        hash.update(chunk);
        await write(chunk);
      }
      if (written !== size) throw new Error(`${name}: expected ${size} bytes, read ${written}`);
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad) await write(Buffer.alloc(pad));
      return { name, size, sha256: hash.digest('hex') };
    },
    async finish() {
      await write(Buffer.alloc(BLOCK * 2));
      tar.end();
      await done;
    },
  };
}

/**
 * Reads a gzipped tar; `onEntry` gets each regular file as a stream it must consume (or the reader drains it).
 */
export async function readTar(file: string, onEntry: (name: string, size: number, body: Readable) => Promise<void>) {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  let buf: Buffer = Buffer.alloc(0);
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let ended = false;
  const need = async (n: number) => {
    while (buf.length < n && !ended) {
      const next = await iterator.next();
      if (next.done) ended = true;
      else buf = buf.length ? Buffer.concat([buf, next.value]) : next.value;
    }
    if (buf.length < n) throw new Error('备份文件不完整（被截断） / archive is truncated');
  };
  for (;;) {
    await need(BLOCK);
    const h = buf.subarray(0, BLOCK);
    buf = buf.subarray(BLOCK);
    if (h.every((b) => b === 0)) return;
    const str = (start: number, len: number) => {
      const s = h.subarray(start, start + len);
      const end = s.indexOf(0);
      return s.subarray(0, end < 0 ? len : end).toString('utf8');
    };
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
    if (parseInt(str(148, 8).trim(), 8) !== sum) throw new Error('备份文件损坏（tar 校验和不符） / corrupt archive header');
    const prefix = str(345, 155);
    const name = prefix ? `${prefix}/${str(0, 100)}` : str(0, 100);
    const size = parseInt(str(124, 12).trim() || '0', 8);
    const type = str(156, 1) || '0';
    const padded = size + ((BLOCK - (size % BLOCK)) % BLOCK);
    const body = new PassThrough();
    const consumer = type === '0' ? onEntry(name, size, body) : (body.resume(), Promise.resolve());
    let left = size;
    while (left > 0) {
      if (buf.length === 0) await need(1);
      const take = buf.subarray(0, Math.min(left, buf.length));
      buf = buf.subarray(take.length);
      left -= take.length;
      if (!body.write(take)) await Promise.race([once(body, 'drain'), consumer]);
    }
    body.end();
    await consumer;
    body.resume();
    const skip = padded - size;
    if (skip) {
      await need(skip);
      buf = buf.subarray(skip);
    }
  }
}
