import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { emailOutbox, invites, sessions } from '@/db/schema';
import { generateToken } from '@/lib/security/tokens';
import { signSvix } from '@/lib/security/webhook-signature';
import { findInvite } from '@/tests/helpers/invite-fixtures';
import { currentSessionCookie } from '@/tests/helpers/request-context';
import {
  CROSS_SITE,
  postRequest,
  redirectedTo,
  routeArgs,
  sessionExists,
  statusOf,
} from '../calls';
import { defineCase, everyone, isRefusal, type Entry } from '../runner';
import type { World } from '../world';

const WEBHOOK_SECRET = `whsec_${Buffer.from('matrix-webhook-secret-32-bytes!!').toString('base64')}`;
const OTHER_SECRET = `whsec_${Buffer.from('not-the-secret-that-resend-holds').toString('base64')}`;

/** A pending invite of the victim client; its invitee has no account yet. */
async function inviteTarget(world: World) {
  const invite = await world.pendingInvite();
  return { ...invite, protect: [invite.inviteId, invite.email] };
}

/** A post of one of the invite page's buttons, from our page or (with headers) another site. */
const inviteButton = (token: string, button: string, headers?: Record<string, string>) =>
  routeArgs(postRequest(`/invite/${token}/${button}`, { headers }), { token });

/** A Resend event, signed with `secret` (unsigned without one), over `body` or the real one. */
function webhookCall(
  target: { body: string; svixId: string },
  options: { secret?: string; body?: string; at?: number } = {},
) {
  const timestamp = Math.floor((options.at ?? Date.now()) / 1000);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.secret) {
    Object.assign(headers, {
      'svix-id': target.svixId,
      'svix-timestamp': String(timestamp),
      'svix-signature': signSvix(options.secret, target.svixId, timestamp, target.body),
    });
  }
  const body = options.body ?? target.body;
  return routeArgs(postRequest('/api/webhooks/resend', { headers, body }));
}

/** The invite page's buttons and Resend's delivery webhook: guarded by tokens and signatures. */
export const INVITE_ROUTE_CASES: Record<string, Entry> = {
  'app/(public)/invite/[token]/accept/route.ts#POST': defineCase({
    kind: 'token-guarded',
    reason:
      "The invite link is the invitee's credential. With someone else signed in on the browser nothing is attached to the wrong account; a wrong token or a cross-site post changes nothing.",
    rightful: 'anonymous',
    arrange: inviteTarget,
    args: ({ target }) => inviteButton(target.token, 'accept'),
    wrongArgs: [
      () => inviteButton(generateToken(), 'accept'),
      ({ target }) => inviteButton(target.token, 'accept', CROSS_SITE),
    ],
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/onboarding');
      const invite = await findInvite(world.db, target.inviteId);
      expect(invite.status).toBe('joined');
      const opened = await world.db
        .select()
        .from(sessions)
        .where(eq(sessions.userId, invite.joinedById!));
      expect(opened).toHaveLength(1);
      expect(await sessionExists(world, currentSessionCookie() ?? null)).toBe(true);
    },
  }),

  'app/(public)/invite/[token]/fresh-link/route.ts#POST': defineCase({
    kind: 'token-guarded',
    reason:
      "An expired invite's link may ask for a fresh one, which goes to the invited address only. The handler never reads the session, so signed-in callers are not called with the real link (they would use it up); a wrong token or a cross-site post changes nothing.",
    rightful: 'anonymous',
    async arrange(world) {
      const invite = await inviteTarget(world);
      await world.db
        .update(invites)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(invites.id, invite.inviteId));
      return { ...invite, tokenHash: (await findInvite(world.db, invite.inviteId)).tokenHash };
    },
    args: ({ target }) => inviteButton(target.token, 'fresh-link'),
    wrongArgs: [
      () => inviteButton(generateToken(), 'fresh-link'),
      ({ target }) => inviteButton(target.token, 'fresh-link', CROSS_SITE),
    ],
    others: everyone('skip'),
    // A refused request goes back to the invite page, not on to the confirmation.
    isRefused: (outcome) =>
      isRefusal(outcome) ||
      (statusOf(outcome) === 303 && !redirectedTo(outcome)?.endsWith('/fresh-link/sent')),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`/invite/${target.token}/fresh-link/sent`);
      const invite = await findInvite(world.db, target.inviteId);
      expect(invite.tokenHash).not.toBe(target.tokenHash);
      const [email] = await world.db
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.id, invite.lastOutboxId!));
      expect(email.toAddress).toBe(target.email);
    },
  }),

  'app/(public)/invite/[token]/sign-out/route.ts#POST': defineCase({
    kind: 'self',
    reason:
      "Ends the session of the browser that posts (someone else was signed in on the invitee's browser), and no other.",
    rightful: 'victimFreelancer',
    arrange: inviteTarget,
    args: ({ target }) => inviteButton(target.token, 'sign-out'),
    wrongArgs: [({ target }) => inviteButton(target.token, 'sign-out', CROSS_SITE)],
    others: { ...everyone('own-rows'), anonymous: 'unchanged' },
    async succeeded(outcome, { world, target, sessionToken }) {
      expect(redirectedTo(outcome)).toBe(`/invite/${target.token}`);
      expect(await sessionExists(world, sessionToken)).toBe(false);
    },
  }),

  'app/api/webhooks/resend/route.ts#POST': defineCase({
    kind: 'signature-guarded',
    reason:
      'Resend calls it with no session: the Svix signature over the raw body is the credential, so the real event is sent only by its holder. Unsigned, wrongly signed, tampered or stale calls change nothing, whoever is signed in.',
    rightful: 'anonymous',
    async arrange(world) {
      world.setEnv('RESEND_WEBHOOK_SECRET', WEBHOOK_SECRET);
      const invite = await inviteTarget(world);
      const emailId = await world.markSent(invite.outboxId);
      const body = JSON.stringify({
        type: 'email.delivered',
        created_at: new Date().toISOString(),
        data: { email_id: emailId },
      });
      return { ...invite, body, svixId: `msg_${randomUUID()}` };
    },
    args: ({ target }) => webhookCall(target, { secret: WEBHOOK_SECRET }),
    wrongArgs: [
      ({ target }) => webhookCall(target),
      ({ target }) => webhookCall(target, { secret: OTHER_SECRET }),
      ({ target }) =>
        webhookCall(target, {
          secret: WEBHOOK_SECRET,
          body: target.body.replace('email.delivered', 'email.bounced'),
        }),
      ({ target }) => webhookCall(target, { secret: WEBHOOK_SECRET, at: Date.now() - 10 * 60_000 }),
    ],
    others: everyone('skip'),
    async succeeded(outcome, { world, target }) {
      expect(statusOf(outcome)).toBe(200);
      expect((await findInvite(world.db, target.inviteId)).deliveryEvent).toBe('delivered');
    },
  }),
};
