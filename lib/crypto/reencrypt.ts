import { and, inArray, isNotNull, notLike, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { payoutMethods, pendingConfirmations, taxProfiles } from '@/db/schema';
import { currentKeyPrefix, EncryptionError, reencryptSecret } from './encryption';

/*
 * Key rotation, second half: after DATA_ENCRYPTION_KEY changes (the old key moved to
 * DATA_ENCRYPTION_OLD_KEYS), every stored secret still sealed under an old key is sealed
 * again under the current one, so the old key can then be dropped.
 */

type EncryptedColumn = { name: string; table: PgTable; key: PgColumn; column: PgColumn };

/** Every column that holds a value written by encryptSecret, with its row's primary key. */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  {
    name: 'payout_method.account_number_encrypted',
    table: payoutMethods,
    key: payoutMethods.id,
    column: payoutMethods.accountNumberEncrypted,
  },
  {
    name: 'payout_method.iban_encrypted',
    table: payoutMethods,
    key: payoutMethods.id,
    column: payoutMethods.ibanEncrypted,
  },
  {
    name: 'tax_profile.tax_id_encrypted',
    table: taxProfiles,
    key: taxProfiles.userId,
    column: taxProfiles.taxIdEncrypted,
  },
  {
    name: 'tax_profile.date_of_birth_encrypted',
    table: taxProfiles,
    key: taxProfiles.userId,
    column: taxProfiles.dateOfBirthEncrypted,
  },
  {
    name: 'tax_profile.payout_ssn_encrypted',
    table: taxProfiles,
    key: taxProfiles.userId,
    column: taxProfiles.payoutSsnEncrypted,
  },
  {
    name: 'pending_confirmation.payload_encrypted',
    table: pendingConfirmations,
    key: pendingConfirmations.id,
    column: pendingConfirmations.payloadEncrypted,
  },
];

export const REENCRYPT_BATCH_SIZE = 500;

/** Rows re-encrypted, per column ("table.column"). */
export type ReencryptCounts = Record<string, number>;

/**
 * One batch of one column, in one transaction: the rows still under another key, locked,
 * sealed again and written back in a single statement. Returns how many it changed.
 */
async function reencryptBatch(
  db: Db,
  target: EncryptedColumn,
  prefix: string,
  batchSize: number,
): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ key: sql<string>`${target.key}::text`, value: sql<string>`${target.column}` })
      .from(target.table)
      .where(and(isNotNull(target.column), notLike(target.column, `${prefix}%`)))
      .orderBy(target.key)
      .limit(batchSize)
      .for('update');
    if (rows.length === 0) return 0;
    const cases: SQL[] = rows.map(({ key, value }) => {
      try {
        return sql`when ${target.key} = ${key} then ${reencryptSecret(value)}`;
      } catch (error) {
        // The key of the row names it; the stored value never appears in the message.
        if (error instanceof EncryptionError)
          throw new EncryptionError(`${target.name}, row ${key}: ${error.message}`);
        throw error;
      }
    });
    await tx.execute(
      sql`update ${target.table} set ${sql.identifier(target.column.name)} = case ${sql.join(cases, sql` `)} end where ${inArray(
        target.key,
        rows.map((r) => r.key),
      )}`,
    );
    return rows.length;
  });
}

/**
 * Seals every stored secret that is not under the current key again under it, in batches
 * (one transaction each). Idempotent: a second run finds nothing to do. The counts are all
 * it reports; no value is ever returned or printed.
 */
export async function reencryptStoredSecrets(
  db: Db,
  options: { batchSize?: number } = {},
): Promise<ReencryptCounts> {
  const batchSize = options.batchSize ?? REENCRYPT_BATCH_SIZE;
  const prefix = currentKeyPrefix();
  const counts: ReencryptCounts = {};
  for (const target of ENCRYPTED_COLUMNS) {
    let changed = 0;
    for (;;) {
      const batch = await reencryptBatch(db, target, prefix, batchSize);
      changed += batch;
      if (batch < batchSize) break;
    }
    counts[target.name] = changed;
  }
  return counts;
}
