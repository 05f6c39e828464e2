import { closeDatabase, getMigratedDatabase } from '@/db';
import { reencryptStoredSecrets } from '@/lib/crypto/reencrypt';

/*
 * npm run db:reencrypt: after a key rotation (new DATA_ENCRYPTION_KEY, the previous key in
 * DATA_ENCRYPTION_OLD_KEYS), seals every stored secret again under the new key. Once it
 * reports nothing left to do, the old key may leave DATA_ENCRYPTION_OLD_KEYS. Safe to run
 * again at any time; it prints counts only.
 */
const database = await getMigratedDatabase();
try {
  const counts = await reencryptStoredSecrets(database.db);
  for (const [column, count] of Object.entries(counts))
    console.log(`${column}: ${count} re-encrypted`);
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  console.log(
    total === 0
      ? `Every stored secret is under the current key (${database.kind}).`
      : `${total} values re-encrypted under the current key (${database.kind}).`,
  );
} catch (error) {
  // Our own messages name a column, a row id and a key id, never a value. A failed query's
  // message lists its parameters (new ciphertexts): print the database's own reason instead.
  const cause = (error as { cause?: unknown }).cause;
  const reason = cause instanceof Error ? cause.message : (error as Error).message;
  console.error(`Re-encryption stopped; batches already done are kept. ${reason}`);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
