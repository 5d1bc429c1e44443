import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Where uploaded files live. Keys are random ids chosen by the API, never a user's file name. */
export abstract class DocumentStorage {
  /** Stores the bytes and returns the new key. */
  abstract put(content: Buffer): Promise<string>;
  abstract get(key: string): Promise<Buffer>;
  /** Removes the file; a missing file is not an error. */
  abstract delete(key: string): Promise<void>;
}

/** A local folder (DOCUMENTS_DIR). Fine for one server; an object store would implement the same. */
export class LocalDocumentStorage extends DocumentStorage {
  private readonly root: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  async put(content: Buffer): Promise<string> {
    const key = randomUUID();
    await mkdir(this.root, { recursive: true });
    // 'wx': never overwrite, even if a random id ever collided.
    await writeFile(this.pathOf(key), content, { flag: 'wx', mode: 0o600 });
    return key;
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`invalid storage key ${key}`);
    return join(this.root, key);
  }
}

export type DetectedMime = 'application/pdf' | 'image/jpeg' | 'image/png';

const SIGNATURES: { mime: DetectedMime; bytes: number[] }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The type of a file by its first bytes (magic numbers), or null when it is none of PDF, JPEG, PNG. */
export function detectMime(content: Buffer): DetectedMime | null {
  for (const { mime, bytes } of SIGNATURES) {
    if (content.length >= bytes.length && bytes.every((b, i) => content[i] === b)) return mime;
  }
  return null;
}
