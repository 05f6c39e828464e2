import { eq } from 'drizzle-orm';
import { clientWorkspaces, freelancerProfiles, users } from '@/db/schema';
import { createTestDatabase } from '@/tests/helpers/db';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';

installRequestMocks();
const { saveWorkspaceTimeZoneAction } = await import('./actions');
const { createSession } = await import('@/lib/auth/service');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

let people = 0;
/** A signed-in account, with a client workspace unless told not to. */
async function signIn({ workspace = true } = {}) {
  const [user] = await database.db
    .insert(users)
    .values({ email: `client-${++people}@example.com`, emailVerified: new Date() })
    .returning({ id: users.id });
  const [row] = workspace
    ? await database.db
        .insert(clientWorkspaces)
        .values({ ownerId: user.id, name: `Workspace ${people}`, type: 'company' })
        .returning({ id: clientWorkspaces.id })
    : [undefined];
  startRequest((await createSession(database.db, user.id)).token);
  return { userId: user.id, workspaceId: row?.id };
}

async function zoneOf(workspaceId: string | undefined) {
  const [row] = await database.db
    .select({ timeZone: clientWorkspaces.timeZone })
    .from(clientWorkspaces)
    .where(eq(clientWorkspaces.id, workspaceId!));
  return row.timeZone;
}

const submit = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return saveWorkspaceTimeZoneAction(null, form);
};

describe("the client workspace's time zone (Settings → Account)", () => {
  it('starts on UTC and saves a listed zone, an alias as its listed name', async () => {
    const { workspaceId } = await signIn();
    expect(await zoneOf(workspaceId)).toBe('UTC');
    expect(await submit({ timeZone: 'America/New_York' })).toMatchObject({
      ok: true,
      message: 'Times on your client pages are now shown in America/New_York.',
    });
    expect(await zoneOf(workspaceId)).toBe('America/New_York');
    await submit({ timeZone: 'Etc/UTC' });
    expect(await zoneOf(workspaceId)).toBe('UTC');
  });

  it.each([
    ['+05:30', 'Choose your time zone from the list.'],
    ['America/Atlantis', 'Choose your time zone from the list.'],
    ['   ', 'Choose your time zone.'],
  ])('refuses %j with a message on the field and keeps the zone', async (zone, message) => {
    const { workspaceId } = await signIn();
    await submit({ timeZone: 'Asia/Tokyo' });
    expect(await submit({ timeZone: zone })).toMatchObject({
      ok: false,
      fieldErrors: { timeZone: [message] },
    });
    expect(await zoneOf(workspaceId)).toBe('Asia/Tokyo');
  });

  it("changes only the caller's own workspace, whatever workspace id the form carries", async () => {
    const victim = await signIn();
    const caller = await signIn();
    expect(
      await submit({
        timeZone: 'Europe/Paris',
        workspaceId: victim.workspaceId!,
        ownerId: victim.userId,
      }),
    ).toMatchObject({ ok: true });
    expect(await zoneOf(caller.workspaceId)).toBe('Europe/Paris');
    expect(await zoneOf(victim.workspaceId)).toBe('UTC');
  });

  it('refuses an account without a workspace (a freelancer only), changing nothing', async () => {
    const other = await signIn();
    const { userId } = await signIn({ workspace: false });
    await database.db.insert(freelancerProfiles).values({ userId });
    expect(
      await submit({ timeZone: 'Europe/Paris', workspaceId: other.workspaceId! }),
    ).toMatchObject({ ok: false });
    expect(await zoneOf(other.workspaceId)).toBe('UTC');
  });
});
