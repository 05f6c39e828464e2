import { spawnSync } from 'node:child_process';
import path from 'node:path';

const serverUrl = process.env.TEST_DATABASE_URL;

// postgres.js 3.4.9 crashes the process when a query is written to a connection whose backend
// was killed (porsager/postgres#1208). patches/postgres+3.4.9.patch (patch-package, postinstall)
// guards it; this proves the guard is in the installed driver: without it the child dies with
// "uncaught".
(serverUrl ? describe : describe.skip)('a reserved connection whose backend was killed', () => {
  it('rejects its next query with CONNECTION_CLOSED, and the pool reconnects', () => {
    const script = path.join(
      process.cwd(),
      'tests/faults/fixtures/dropped-reserved-connection.mjs',
    );
    const child = spawnSync(process.execPath, [script, serverUrl!], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(child.stdout.trim().split('\n')).toEqual([
      'reserved: CONNECTION_CLOSED',
      'pool: 1',
      'pool: 1',
      'pool: 1',
      'ended',
    ]);
    expect(child.status).toBe(0);
  });
});
