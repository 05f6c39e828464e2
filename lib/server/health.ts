import { getDatabase } from '@/db';

const TIMEOUT_MS = 2_000;

export async function checkDatabaseHealth(): Promise<{ ok: boolean; database: 'up' | 'down' }> {
  try {
    const database = await getDatabase();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS);
    });
    try {
      await Promise.race([database.executeSql('select 1 as ok', []), timeout]);
    } finally {
      clearTimeout(timer);
    }
    return { ok: true, database: 'up' };
  } catch {
    return { ok: false, database: 'down' };
  }
}
