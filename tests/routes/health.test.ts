import { closeDatabase, setActiveDatabase } from '@/db';
import { openDatabase } from '@/db/client';
import { GET } from '@/app/api/health/route';
import { createTestDatabase } from '@/tests/helpers/db';

describe('GET /api/health', () => {
  afterEach(() => closeDatabase());

  it('answers 200 when the database answers', async () => {
    const database = await createTestDatabase();
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: 'up' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    await database.dispose();
  });

  it('answers 503 when the database does not', async () => {
    // Nothing listens on port 9: every connection attempt fails at once.
    setActiveDatabase(await openDatabase({ url: 'postgres://postgres@127.0.0.1:9/none', max: 1 }));
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, database: 'down' });
  });
});
