import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, like } from 'drizzle-orm';
import { auditLog, emailOutbox, invites } from '@/db/schema';
import { createTestDatabase } from '@/tests/helpers/db';
import { uniqueEmail } from '@/tests/helpers/compliance-fixtures';
import { createClient, daysFromToday } from '@/tests/helpers/invite-fixtures';
import { installRequestMocks, REQUEST_IP, startRequest } from '@/tests/helpers/request-context';

/*
 * Issue 13.3: per-IP limits and the audit log took the client's own X-Forwarded-For. The
 * address now comes from the connection (PEER_ADDRESS_HEADER, set by the hook below in the
 * real server), or TRUSTED_PROXY_HOPS entries from the right end of the header.
 */
installRequestMocks();
const { requestSignInLinkAction } = await import('@/app/(auth)/sign-in/actions');
const { createInviteAction } = await import('@/app/(app)/client/invites/actions');
const { SIGN_IN_LIMITS, createSession } = await import('@/lib/auth/service');
const { installPeerAddressHook, PEER_ADDRESS_HEADER } = await import('@/lib/server/peer-address');
const { clientIpFrom } = await import('@/lib/server/request');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

describe('the peer address hook', () => {
  it('records the connection address, whatever the client sent under that name', async () => {
    installPeerAddressHook();
    let seen: IncomingHttpHeaders = {};
    const server = createServer((req, res) => {
      seen = req.headers;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [PEER_ADDRESS_HEADER]: '6.6.6.6', 'x-forwarded-for': '6.6.6.6' },
      });
    } finally {
      server.close();
    }
    expect(seen[PEER_ADDRESS_HEADER]).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(
      clientIpFrom({ peerAddress: String(seen[PEER_ADDRESS_HEADER]), forwardedFor: '6.6.6.6' }, 0),
    ).toBe('127.0.0.1');
  });
});

describe('clientIpFrom', () => {
  const peerAddress = '10.0.0.5';
  it('takes the connection with no trusted proxy, never the header', () => {
    expect(clientIpFrom({ peerAddress, forwardedFor: '6.6.6.6' }, 0)).toBe('10.0.0.5');
    expect(clientIpFrom({ peerAddress: null, forwardedFor: '6.6.6.6' }, 0)).toBe('unknown');
  });

  it('counts trusted proxies from the right end of X-Forwarded-For', () => {
    const forwardedFor = '6.6.6.6, 203.0.113.8, 10.0.0.2';
    expect(clientIpFrom({ peerAddress, forwardedFor }, 1)).toBe('10.0.0.2');
    expect(clientIpFrom({ peerAddress, forwardedFor }, 2)).toBe('203.0.113.8');
    expect(clientIpFrom({ peerAddress, forwardedFor: '203.0.113.8' }, 2)).toBe('203.0.113.8');
    expect(clientIpFrom({ peerAddress, forwardedFor: null }, 1)).toBe('unknown');
  });
});

describe('a client that varies X-Forwarded-For', () => {
  it('is held to the per-IP sign-in limit: 40 links from one address send 30', async () => {
    const prefix = `ip-limit-${Date.now()}`;
    const answers: string[] = [];
    for (let i = 0; i < 40; i++) {
      // A different address every time, and a different email (the per-email limit is 5).
      startRequest(null, { 'x-forwarded-for': `6.6.${i}.6` });
      const result = await requestSignInLinkAction(
        null,
        form({ email: `${prefix}-${i}@example.com` }),
      ).then(
        (state) => (state && !state.ok ? state.message : 'sent'),
        (error: { digest?: string }) => (error.digest?.startsWith('NEXT_REDIRECT') ? 'sent' : 'x'),
      );
      answers.push(result);
    }
    expect(answers.filter((a) => a === 'sent')).toHaveLength(SIGN_IN_LIMITS.perIp.limit);
    expect(answers.at(-1)).toMatch(/Too many sign-in links/);
    const outbox = await database.db
      .select()
      .from(emailOutbox)
      .where(like(emailOutbox.toAddress, `${prefix}-%`));
    expect(outbox).toHaveLength(SIGN_IN_LIMITS.perIp.limit);
  });

  it('is recorded in the audit log at its real address', async () => {
    const client = await createClient(database.db);
    const session = await createSession(database.db, client.userId);
    const email = uniqueEmail('audit-ip');
    startRequest(session.token, { 'x-forwarded-for': '6.6.6.6' });
    await expect(
      createInviteAction(
        null,
        form({
          email,
          firstName: 'Alex',
          lastName: 'Rivera',
          'offer.kind': 'hourly',
          'offer.title': 'Website redesign',
          'offer.startDate': daysFromToday(7),
          'offer.hourlyRateDollars': '50',
          'offer.weeklyLimit': '20',
        }),
      ),
    ).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
    const [invite] = await database.db
      .select()
      .from(invites)
      .where(and(eq(invites.workspaceId, client.workspaceId), eq(invites.email, email)));
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'invite.sent'), eq(auditLog.targetId, invite.id)));
    expect(entry.ip).toBe(REQUEST_IP);
  });
});
