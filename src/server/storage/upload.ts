import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AppError } from '../errors';
import { sniffType, type SniffedType, type Storage } from './storage';

/** The `files` row of an accepted upload. */
export interface UploadedFile {
  id: string;
  storageKey: string;
  originalName: string;
  mimeType: SniffedType;
  size: number;
  sha256: string;
  uploadedBy: string | null;
  createdAt: Date;
}

/** A display name only (the file is stored under a generated key): no path, no control characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/^\.+/, '').trim();
  return (clean || '未命名文件').slice(0, 120);
}

/**
 * Streams an upload into storage (memory does not grow with its size), checks it by content — not empty, a real
 * PDF, JPG or PNG whatever its name says, and whatever `accept` adds — and hands its `files` row to `record`, which
 * registers it in a transaction of its own. If a check or `record` fails, the stored bytes are removed: a refused
 * or failed upload leaves nothing behind.
 */
export async function storeUpload<T>(
  storage: Storage,
  file: { stream: Readable; filename: string },
  options: { maxBytes: number; uploadedBy: string | null; now: Date; accept?: (type: SniffedType) => AppError | null },
  record: (row: UploadedFile) => Promise<T>,
): Promise<T> {
  const stored = await storage.put(file.stream, { maxBytes: options.maxBytes });
  try {
    if (stored.size === 0) throw new AppError('FILE_EMPTY', 400, '文件为空');
    const type = sniffType(stored);
    if (!type) throw new AppError('FILE_TYPE_INVALID', 415, '文件内容不是有效的 PDF、JPG 或 PNG（按文件内容判断，与扩展名无关）');
    const refused = options.accept?.(type);
    if (refused) throw refused;
    const row: UploadedFile = {
      id: randomUUID(),
      storageKey: stored.key,
      originalName: safeFileName(file.filename),
      mimeType: type,
      size: stored.size,
      sha256: stored.sha256,
      uploadedBy: options.uploadedBy,
      createdAt: options.now,
    };
    return await record(row);
  } catch (err) {
    await storage.remove(stored.key);
    throw err;
  }
}
