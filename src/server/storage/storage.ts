import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors';

/**
 * Where attachments live (DESIGN.md "Files"): local disk under DATA_DIR by default; an S3-compatible store
 * implements the same interface for multi-instance deployments. Files are stored under generated keys,
 * never under the uploaded name, outside the web root.
 */
export interface Storage {
  /** Streams `source` into the store; memory does not grow with file size. */
  put(source: Readable, limits: { maxBytes: number }): Promise<StoredObject>;
  read(key: string): Readable;
  readAll(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

export interface StoredObject {
  key: string;
  size: number;
  sha256: string;
  /** The first bytes, for content sniffing. */
  head: Buffer;
  /** The last bytes, for structural checks (PDF %%EOF, PNG IEND, JPEG EOI). */
  tail: Buffer;
}

const HEAD = 64;
const TAIL = 1024;

export function localStorage(root: string): Storage {
  fs.mkdirSync(path.join(root, 'tmp'), { recursive: true });
  const pathOf = (key: string) => {
    if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`invalid storage key ${key}`);
    return path.join(root, key);
  };
  return {
    async put(source, { maxBytes }) {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      const tmp = path.join(root, 'tmp', id);
      const hash = createHash('sha256');
      let size = 0;
      let head = Buffer.alloc(0);
      let tail = Buffer.alloc(0);
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) {
            done(new AppError('FILE_TOO_LARGE', 413, `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB 的上限`));
            return;
          }
          hash.update(chunk);
          if (head.length < HEAD) head = Buffer.concat([head, chunk.subarray(0, HEAD - head.length)]);
          tail = Buffer.concat([tail, chunk]).subarray(-TAIL);
          done(null, chunk);
        },
      });
      try {
        await pipeline(source, meter, fs.createWriteStream(tmp, { flags: 'wx' }));
        const final = pathOf(key);
        fs.mkdirSync(path.dirname(final), { recursive: true });
        fs.renameSync(tmp, final);
      } catch (err) {
        fs.rmSync(tmp, { force: true });
        throw err;
      }
      return { key, size, sha256: hash.digest('hex'), head, tail };
    },
    read: (key) => fs.createReadStream(pathOf(key)),
    readAll: (key) => fs.promises.readFile(pathOf(key)),
    async remove(key) {
      await fs.promises.rm(pathOf(key), { force: true });
    },
  };
}

export type SniffedType = 'application/pdf' | 'image/png' | 'image/jpeg';

/**
 * The file's real type from its bytes, not its name; and a structural check so a truncated or fake file is
 * refused (a PDF ends with %%EOF, a PNG with its IEND chunk, a JPEG with the EOI marker).
 */
export function sniffType(obj: Pick<StoredObject, 'head' | 'tail' | 'size'>): SniffedType | null {
  const { head, tail } = obj;
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') {
    return tail.toString('latin1').includes('%%EOF') ? 'application/pdf' : null;
  }
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    const ihdr = head.subarray(12, 16).toString('latin1') === 'IHDR';
    const iend = tail.subarray(-8, -4).toString('latin1') === 'IEND';
    return ihdr && iend ? 'image/png' : null;
  }
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) {
    const t = tail.subarray(-2);
    return t[0] === 0xff && t[1] === 0xd9 ? 'image/jpeg' : null;
  }
  return null;
}

export const EXTENSION_OF: Record<SniffedType, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};
