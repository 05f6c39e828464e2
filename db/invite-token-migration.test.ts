import { rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_DIR } from './client';
import { pgliteExtensions } from './pglite-extensions';
import { migrationsBefore } from '@/tests/helpers/migrations';

// The migration that made invite_token the only store of link hashes and renamed the
// invite status 'accepted' to 'joined' moves data, so it is tested on data written by the
// migrations before it. Found by its tag: the number may change when branches merge.
const TAG_SUFFIX = '_one_invite_token_table_joined';

let pglite: PGlite;
let before: string;
beforeAll(async () => {
  pglite = await PGlite.create({ extensions: pgliteExtensions });
  before = migrationsBefore(TAG_SUFFIX);
  await migrate(drizzle(pglite), { migrationsFolder: before });
});
afterAll(async () => {
  await pglite.close();
  rmSync(before, { recursive: true, force: true });
});

const rows = async <T>(text: string) => (await pglite.query<T>(text)).rows;

it('moves every current link hash into invite_token and renames accepted to joined', async () => {
  await pglite.exec(`
    insert into "user" (id, email) values ('u-client', 'client@example.com'), ('u-free', 'free@example.com');
    insert into client_workspace (id, owner_id, name, type)
      values ('00000000-0000-4000-8000-000000000001', 'u-client', 'Acme', 'company');
    insert into invite (id, workspace_id, invited_by_id, email, first_name, last_name, token_hash, expires_at, status, accepted_at, accepted_by_id)
    values
      -- its hash is in invite_token already, beside an older link never marked superseded
      ('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000001', 'u-client',
       'a@example.com', 'A', 'A', 'hash-a-current', now() + interval '1 day', 'pending', null, null),
      -- its hash was never copied into invite_token
      ('00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-000000000001', 'u-client',
       'b@example.com', 'B', 'B', 'hash-b-only-on-invite', now() + interval '1 day', 'accepted', now(), 'u-free');
    insert into invite_token (token_hash, invite_id, superseded_at) values
      ('hash-a-current', '00000000-0000-4000-8000-00000000000a', null),
      ('hash-a-old', '00000000-0000-4000-8000-00000000000a', null);
    insert into invite_event (invite_id, type, actor_id)
      values ('00000000-0000-4000-8000-00000000000b', 'activated', 'u-free');
  `);

  await migrate(drizzle(pglite), { migrationsFolder: MIGRATIONS_DIR });

  const links = await rows<{ token_hash: string; invite_id: string; current: boolean }>(
    `select token_hash, invite_id, superseded_at is null as current from invite_token order by token_hash`,
  );
  expect(links).toEqual([
    {
      token_hash: 'hash-a-current',
      invite_id: '00000000-0000-4000-8000-00000000000a',
      current: true,
    },
    { token_hash: 'hash-a-old', invite_id: '00000000-0000-4000-8000-00000000000a', current: false },
    {
      token_hash: 'hash-b-only-on-invite',
      invite_id: '00000000-0000-4000-8000-00000000000b',
      current: true,
    },
  ]);
  const columns = await rows<{ column_name: string }>(
    `select column_name from information_schema.columns where table_name = 'invite' and column_name in ('token_hash', 'accepted_at', 'joined_at', 'joined_by_id') order by 1`,
  );
  expect(columns.map((c) => c.column_name)).toEqual(['joined_at', 'joined_by_id']);
  expect(
    await rows(`select status::text, joined_by_id from invite where email = 'b@example.com'`),
  ).toEqual([{ status: 'joined', joined_by_id: 'u-free' }]);
  expect(await rows(`select type::text from invite_event`)).toEqual([{ type: 'joined' }]);
  // The values keep their places, as the drizzle snapshot lists them.
  expect(
    await rows(`select unnest(enum_range(null::invite_status))::text as v`).then((r) =>
      r.map((x) => (x as { v: string }).v),
    ),
  ).toEqual(['pending', 'joined', 'declined', 'revoked', 'expired']);
  // One current link per invite, from now on enforced.
  await expect(
    pglite.query(
      `insert into invite_token (token_hash, invite_id) values ('hash-a-second-current', '00000000-0000-4000-8000-00000000000a')`,
    ),
  ).rejects.toThrow(/invite_token_one_current_uq/);
});
