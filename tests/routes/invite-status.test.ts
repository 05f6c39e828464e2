import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { invites } from '@/db/schema';
import { createTestDatabase } from '@/tests/helpers/db';
import { uniqueEmail } from '@/tests/helpers/compliance-fixtures';
import {
  createClient,
  findInvite,
  inviteData,
  tokenFromOutbox,
} from '@/tests/helpers/invite-fixtures';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';

/*
 * Issue 13.8: dead invite links answered 200. The page stays the same helpful page; its
 * status is 410 for a link that worked once and 404 for a token we never issued.
 */
installRequestMocks();
const { proxy } = await import('@/proxy');
const { default: InviteLandingPage } = await import('@/app/(public)/invite/[token]/page');
const { createInvite } = await import('@/lib/invites/service');
const { resendInvite, revokeInvite } = await import('@/lib/invites/manage');
const { joinFromInvite } = await import('@/lib/invites/accept');
const { getEnv } = await import('@/lib/env');
const { resolveInviteLink, screenInviteLink } = await import('@/lib/invites/landing');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const client = async () => createClient(database.db);

async function sentInvite(inviter: Awaited<ReturnType<typeof createClient>>) {
  const created = await createInvite(database.db, {
    inviter,
    input: inviteData(uniqueEmail('link')),
  });
  if (!created.ok) throw new Error(created.message);
  const invite = await findInvite(database.db, created.inviteId);
  return { id: invite.id, token: await tokenFromOutbox(database.db, invite.lastOutboxId!) };
}

/** The status the proxy gives this link's page (200: it lets the page answer). */
async function statusOf(token: string, method = 'GET'): Promise<number> {
  const response = await proxy(new NextRequest(`${getEnv().APP_URL}/invite/${token}`, { method }));
  return response.headers.get('x-middleware-next') === '1' ? 200 : response.status;
}

describe('invite link status codes', () => {
  it('answers 410 for used, revoked, superseded and expired links, and 200 while open', async () => {
    const inviter = await client();
    const open = await sentInvite(inviter);
    expect(await statusOf(open.token)).toBe(200);

    const revoked = await sentInvite(inviter);
    await revokeInvite(database.db, { inviter, inviteId: revoked.id });
    const superseded = await sentInvite(inviter);
    await resendInvite(database.db, { inviter, inviteId: superseded.id });
    const expired = await sentInvite(inviter);
    await database.db
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(invites.id, expired.id));
    const used = await sentInvite(inviter);
    expect((await joinFromInvite(database.db, used.token)).ok).toBe(true);

    for (const link of [revoked, superseded, expired, used]) {
      expect(await statusOf(link.token)).toBe(410);
      expect(await statusOf(link.token, 'HEAD')).toBe(410);
    }
    // The proxy only reads: the open link is still open.
    expect(await statusOf(open.token)).toBe(200);
    // The proxy's small read and the page's full one tell each link apart the same way.
    for (const [link, kind] of [
      [open, 'open'],
      [revoked, 'revoked'],
      [superseded, 'superseded'],
      [expired, 'expired'],
      [used, 'used'],
    ] as const) {
      expect(await screenInviteLink(database.db, link.token)).toBe(kind);
      expect((await resolveInviteLink(database.db, link.token)).kind).toBe(kind);
    }
  });

  it('answers 404 for a token never issued, with the generic page', async () => {
    const unknown = 'A'.repeat(43);
    expect(await statusOf(unknown)).toBe(200);
    startRequest(null);
    const outcome = await InviteLandingPage({
      params: Promise.resolve({ token: unknown }),
      searchParams: Promise.resolve({}),
    }).then(
      () => 'rendered',
      (error: { digest?: string }) => error.digest,
    );
    expect(outcome).toBe('NEXT_HTTP_ERROR_FALLBACK;404');
  });
});
