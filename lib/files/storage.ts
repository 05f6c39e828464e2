import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { storedFiles } from '@/db/schema';

export type StoredFile = typeof storedFiles.$inferSelect;

export type NewFile = {
  ownerId: string;
  purpose: 'profile-photo' | 'compliance-document' | 'milestone-file' | 'proposal-file';
  fileName: string;
  mimeType: 'image/png' | 'image/jpeg' | 'application/pdf' | 'application/zip';
  bytes: Uint8Array;
};

/**
 * Where private files live. Postgres is the default (every app server sees the same
 * files); another backend (object storage) implements the same three calls.
 */
export interface FileStorage {
  put(db: DbOrTx, file: NewFile): Promise<{ id: string }>;
  get(db: DbOrTx, id: string): Promise<StoredFile | undefined>;
  remove(db: DbOrTx, id: string, ownerId: string): Promise<void>;
}

export const postgresFileStorage: FileStorage = {
  async put(db, file) {
    const data = Buffer.from(file.bytes);
    const [row] = await db
      .insert(storedFiles)
      .values({
        ownerId: file.ownerId,
        purpose: file.purpose,
        fileName: file.fileName,
        mimeType: file.mimeType,
        sizeBytes: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
        data,
      })
      .returning({ id: storedFiles.id });
    return row;
  },
  async get(db, id) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
    return row;
  },
  async remove(db, id, ownerId) {
    await db
      .delete(storedFiles)
      .where(and(eq(storedFiles.id, id), eq(storedFiles.ownerId, ownerId)));
  },
};

export const fileStorage: FileStorage = postgresFileStorage;
