import { eq } from 'drizzle-orm';
import { clientWorkspaces, freelancerProfiles, users } from '@/db/schema';
import { workspaceTypes } from '@/lib/accounts/schemas';
import { createTestDatabase } from '@/tests/helpers/db';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';

installRequestMocks();
const { chooseSideAction } = await import('./actions');
const { createSession } = await import('@/lib/auth/service');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

let people = 0;
/** Someone signed in for the first time, who has not chosen a side yet. */
async function signInNewcomer(): Promise<string> {
  const [user] = await database.db
    .insert(users)
    .values({ email: `newcomer-${++people}@example.com`, emailVerified: new Date() })
    .returning({ id: users.id });
  startRequest((await createSession(database.db, user.id)).token);
  return user.id;
}

/** Submits the welcome form; the redirect target, or what the action returned. */
async function submit(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  try {
    return { returned: await chooseSideAction(null, form) };
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? '');
    if (!digest.startsWith('NEXT_REDIRECT;')) throw error;
    return { redirectedTo: digest.split(';')[2] };
  }
}

const workspacesOf = (userId: string) =>
  database.db
    .select({
      name: clientWorkspaces.name,
      type: clientWorkspaces.type,
      timeZone: clientWorkspaces.timeZone,
    })
    .from(clientWorkspaces)
    .where(eq(clientWorkspaces.ownerId, userId));

async function userRow(userId: string) {
  const [row] = await database.db.select().from(users).where(eq(users.id, userId));
  return row;
}

describe('the welcome step', () => {
  it.each(workspaceTypes)(
    "stores the name and the type (%s) of a client's workspace",
    async (type) => {
      const userId = await signInNewcomer();
      const outcome = await submit({
        side: 'client',
        yourName: '  Dana Lee ',
        workspaceName: ` Acme ${type} `,
        workspaceType: type,
        timeZone: 'America/New_York',
      });
      expect(outcome).toEqual({ redirectedTo: '/client' });
      expect(await workspacesOf(userId)).toEqual([
        { name: `Acme ${type}`, type, timeZone: 'America/New_York' },
      ]);
      expect(await userRow(userId)).toMatchObject({ name: 'Dana Lee', activeSide: 'client' });
    },
  );

  it('refuses an unknown workspace type with a message on that field, and stores nothing', async () => {
    const userId = await signInNewcomer();
    const outcome = await submit({
      side: 'client',
      yourName: 'Dana Lee',
      workspaceName: 'Acme',
      workspaceType: 'government',
      timeZone: 'UTC',
    });
    expect(outcome.returned).toMatchObject({
      ok: false,
      fieldErrors: {
        workspaceType: ['Choose whether you hire as an individual, a company or an enterprise.'],
      },
    });
    expect(await workspacesOf(userId)).toEqual([]);
    expect(await userRow(userId)).toMatchObject({ name: null, activeSide: null });
  });

  it("stores an alias of a zone as the list's name (the browser's preset may be either)", async () => {
    const userId = await signInNewcomer();
    const outcome = await submit({
      side: 'client',
      yourName: 'Dana Lee',
      workspaceName: 'Acme',
      workspaceType: 'company',
      timeZone: 'Etc/UTC',
    });
    expect(outcome).toEqual({ redirectedTo: '/client' });
    expect(await workspacesOf(userId)).toEqual([
      { name: 'Acme', type: 'company', timeZone: 'UTC' },
    ]);
  });

  it.each([
    ['+05:30', 'Choose your time zone from the list.'],
    ['Mars/Olympus_Mons', 'Choose your time zone from the list.'],
    ['', 'Choose your time zone.'],
  ])(
    'refuses the time zone %j with a message on that field, and stores nothing',
    async (zone, message) => {
      const userId = await signInNewcomer();
      const outcome = await submit({
        side: 'client',
        yourName: 'Dana Lee',
        workspaceName: 'Acme',
        workspaceType: 'company',
        timeZone: zone,
      });
      expect(outcome.returned).toMatchObject({ ok: false, fieldErrors: { timeZone: [message] } });
      expect(await workspacesOf(userId)).toEqual([]);
    },
  );

  it('creates no workspace for someone who chooses to work, even with workspace fields filled in', async () => {
    const userId = await signInNewcomer();
    const outcome = await submit({
      side: 'freelancer',
      yourName: 'Dana Lee',
      workspaceName: 'Acme',
      workspaceType: 'company',
    });
    expect(outcome).toEqual({ redirectedTo: '/onboarding' });
    expect(await workspacesOf(userId)).toEqual([]);
    expect(
      await database.db
        .select()
        .from(freelancerProfiles)
        .where(eq(freelancerProfiles.userId, userId)),
    ).toHaveLength(1);
    expect(await userRow(userId)).toMatchObject({ activeSide: 'freelancer' });
  });
});
