import { createHash, randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import {
  auditLog,
  clientWorkspaces,
  emailChangeRequests,
  sessions,
  users,
  verificationTokens,
} from '@/db/schema';
import { changeEmailSchema, requestEmailChange } from '@/lib/accounts/email-change';
import { createSession, SIGN_IN_LIMITS } from '@/lib/auth/service';
import { getEnv } from '@/lib/env';
import { generateToken, hashToken } from '@/lib/security/tokens';
import { PEER_ADDRESS_HEADER } from '@/lib/server/peer-address';
import { uniqueEmail } from '@/tests/helpers/compliance-fixtures';
import { diffSnapshots, snapshotDatabase } from '@/tests/helpers/db-snapshot';
import { currentSessionCookie, startRequest } from '@/tests/helpers/request-context';
import {
  actorSignedIn,
  createFreelancer,
  payoutRows,
  tokenFromEmail,
} from '@/tests/helpers/settings-fixtures';
import { asSubmitted } from '@/tests/helpers/submitted';
import { formArgs, redirectedTo, returned, sessionExists } from '@/tests/security/matrix/calls';
import { everyone, invoke } from '@/tests/security/matrix/runner';
import { ROLES } from '@/tests/security/matrix/world';
import { defineActionCase, type ActionCase } from '../case';

/** Signing in, switching sides, the account settings and the emailed confirmation links. */
export const ACCOUNT_CASES: Record<string, ActionCase> = {
  'app/(auth)/sign-in/actions.ts#requestSignInLinkAction': defineActionCase({
    actor: 'anyone',
    kind: 'public-by-design',
    reason:
      'Anyone may ask for a link to any address: it goes to that mailbox, never to the asker, and the answer is the same for known and unknown addresses. Limited per address and per IP.',
    rightful: 'anonymous',
    arrange: async () => ({ email: uniqueEmail('sign-in') }),
    form: ({ target }) => ({ email: target.email }),
    fuzz: {
      freshEachRun: 'a new address each run: five links per address, then the limit answers',
      // And a new client address, or the per-IP limit would answer every run after the 30th.
      headers: () => ({
        [PEER_ADDRESS_HEADER]: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`,
      }),
    },
    async custom(fn, world) {
      const victim = world.victimFreelancer;
      const people = await world.people();
      const askers = ROLES.slice(0, SIGN_IN_LIMITS.perEmail.limit);
      for (const role of ROLES) {
        startRequest(
          role === 'anonymous' ? null : (await createSession(world.db, people[role].userId)).token,
        );
        const before = await snapshotDatabase(world.database);
        const outcome = await invoke(fn, formArgs({ email: victim.email }));
        const changes = diffSnapshots(before, await snapshotDatabase(world.database));
        if (askers.includes(role)) {
          // The same answer for everybody; the only rows written are the link and its email.
          expect(redirectedTo(outcome)).toBe('/sign-in/check-email');
          expect(changes.map((c) => `${c.change} ${c.table}`).sort()).toEqual([
            'added email_outbox',
            'added verificationToken',
          ]);
          expect(changes.find((c) => c.table === 'email_outbox')?.row).toContain(
            `"to_address": "${victim.email}"`,
          );
        } else {
          // Past the per-address limit: refused, and nothing is written or sent.
          expect(returned(outcome)).toMatchObject({
            ok: false,
            message: expect.stringContaining('Too many sign-in links'),
          });
          expect(changes).toEqual([]);
        }
      }
    },
  }),

  'app/(auth)/sign-in/actions.ts#confirmSignInAction': defineActionCase({
    actor: 'emailed-link',
    kind: 'token-guarded',
    reason:
      'The link mailed to an address is the credential for that address: whoever holds it signs in as its owner (that is what a magic link is). A wrong token, or the token with another address, signs in nobody.',
    rightful: 'anonymous',
    async arrange(world) {
      const token = generateToken();
      // Auth.js stores SHA-256(token + secret); see verificationTokenHash in lib/auth/service.
      const hashed = createHash('sha256').update(`${token}${getEnv().AUTH_SECRET}`).digest('hex');
      const { email, userId } = world.victimFreelancer;
      await world.db
        .insert(verificationTokens)
        .values({ identifier: email, token: hashed, expires: new Date(Date.now() + 10 * 60_000) });
      return { token, protect: [userId, email] };
    },
    form: ({ world, target }) => ({ email: world.victimFreelancer.email, token: target.token }),
    fuzz: { freshEachRun: 'a link works once' },
    wrongForms: [
      ({ world }) => ({ email: world.victimFreelancer.email, token: generateToken() }),
      ({ target, people }) => ({ email: people.otherFreelancer.email, token: target.token }),
    ],
    others: everyone('skip'),
    async succeeded(outcome, { world }) {
      expect(redirectedTo(outcome)).toBe('/onboarding');
      const [opened] = await world.db
        .select({ userId: sessions.userId })
        .from(sessions)
        .where(eq(sessions.sessionToken, hashToken(currentSessionCookie() ?? '')));
      expect(opened?.userId).toBe(world.victimFreelancer.userId);
    },
  }),

  'app/(app)/actions.ts#signOutAction': defineActionCase({
    actor: 'anyone',
    kind: 'self',
    reason: 'Ends the session of the browser that calls it, and no other.',
    rightful: 'victimFreelancer',
    arrange: async () => ({}),
    form: () => ({}),
    others: { ...everyone('own-rows'), anonymous: 'unchanged' },
    async succeeded(outcome, { world, sessionToken }) {
      expect(outcome.type).toBe('redirect');
      expect(await sessionExists(world, sessionToken)).toBe(false);
      expect(currentSessionCookie()).toBeUndefined();
    },
  }),

  'app/(app)/actions.ts#switchSideAction': defineActionCase({
    actor: 'signed-in',
    kind: 'self',
    reason: 'Switches the caller to a side the caller already holds.',
    rightful: 'victimClient',
    async arrange(world) {
      await world.db
        .update(users)
        .set({ activeSide: null })
        .where(eq(users.id, world.victimClient.userId));
      return {};
    },
    form: () => ({ side: 'client' }),
    async succeeded(outcome, { world }) {
      expect(redirectedTo(outcome)).toBe('/client');
      const [row] = await world.db
        .select({ side: users.activeSide })
        .from(users)
        .where(eq(users.id, world.victimClient.userId));
      expect(row.side).toBe('client');
    },
  }),

  'app/(app)/welcome/actions.ts#chooseSideAction': defineActionCase({
    actor: 'signed-in',
    kind: 'self',
    reason: 'Sets up a side (workspace or freelancer profile) for the caller only.',
    rightful: 'victimFreelancer',
    async arrange(world) {
      // A newcomer who has not chosen yet (the fuzzer's runs choose again: a double submit).
      // The victim client is a fresh one too: choosing as a wrong actor renames the
      // caller's own workspace, and the shared victim's must stay as it is.
      const email = uniqueEmail('newcomer');
      const [user] = await world.db.insert(users).values({ email }).returning({ id: users.id });
      return {
        people: {
          victimFreelancer: { userId: user.id, email },
          victimClient: await world.newClient(),
        },
      };
    },
    form: () => ({
      side: 'client',
      yourName: 'Dana Lee',
      workspaceName: 'Matrix Studio',
      workspaceType: 'company',
      timeZone: 'America/New_York',
    }),
    async succeeded(outcome, { world, people }) {
      expect(redirectedTo(outcome)).toBe('/client');
      const [row] = await world.db
        .select({ side: users.activeSide, name: users.name })
        .from(users)
        .where(eq(users.id, people.victimFreelancer.userId));
      expect(row).toEqual({ side: 'client', name: 'Dana Lee' });
    },
  }),

  'app/(app)/settings/account/actions.ts#requestEmailChangeAction': defineActionCase({
    actor: 'signed-in',
    kind: 'self',
    reason: "Asks to move the caller's own account to a new address.",
    rightful: 'victimFreelancer',
    arrange: async () => ({ newEmail: uniqueEmail('moved') }),
    form: ({ target }) => ({ email: target.newEmail }),
    async succeeded(outcome, { world, target }) {
      expect(returned(outcome)).toMatchObject({ ok: true });
      const rows = await world.db
        .select()
        .from(emailChangeRequests)
        .where(
          and(
            eq(emailChangeRequests.userId, world.victimFreelancer.userId),
            eq(emailChangeRequests.newEmail, target.newEmail),
          ),
        );
      expect(rows).toHaveLength(1);
    },
  }),

  'app/(app)/settings/account/actions.ts#saveWorkspaceTimeZoneAction': defineActionCase({
    actor: 'client',
    kind: 'self',
    reason:
      "Sets the time zone of the caller's own workspace, taken from the session; a workspace id in the form is ignored.",
    rightful: 'victimClient',
    // A client of its own: the shared victim's workspace keeps UTC for the other cases.
    async arrange(world) {
      const own = await world.newClient();
      return { people: { victimClient: own }, workspaceId: own.workspaceId };
    },
    form: () => ({ timeZone: 'Asia/Tokyo' }),
    wrongForms: [() => ({ timeZone: '+09:00' }), () => ({ timeZone: 'Mars/Olympus_Mons' })],
    async succeeded(outcome, { world, target }) {
      expect(returned(outcome)).toMatchObject({ ok: true });
      const [row] = await world.db
        .select({ timeZone: clientWorkspaces.timeZone })
        .from(clientWorkspaces)
        .where(eq(clientWorkspaces.id, target.workspaceId));
      expect(row.timeZone).toBe('Asia/Tokyo');
      const [shared] = await world.db
        .select({ timeZone: clientWorkspaces.timeZone })
        .from(clientWorkspaces)
        .where(eq(clientWorkspaces.id, world.victimClient.workspaceId));
      expect(shared.timeZone).toBe('UTC');
    },
  }),

  'app/(app)/settings/account/actions.ts#confirmEmailChangeAction': defineActionCase({
    actor: 'emailed-link',
    kind: 'token-guarded',
    reason:
      'The link mailed to the new address. Signed in as anyone but the account owner it is refused; with nobody signed in the link alone confirms (it proves the new mailbox), so anonymous is not a wrong actor here.',
    rightful: 'victimFreelancer',
    async arrange(world) {
      // A victim of its own: confirming moves the account to another address.
      const who = await createFreelancer(world.db);
      const newEmail = uniqueEmail('moved');
      const asked = await asSubmitted(changeEmailSchema, { email: newEmail }, async (input) =>
        requestEmailChange(world.db, await actorSignedIn(world.db, who, 1), input),
      );
      if (!asked.ok) throw new Error(asked.message);
      return {
        people: { victimFreelancer: who },
        newEmail,
        token: await tokenFromEmail(world.db, newEmail, 'email-change-confirm'),
      };
    },
    form: ({ target }) => ({ token: target.token }),
    fuzz: { freshEachRun: 'the link works once and moves the account to the new address' },
    wrongForms: [() => ({ token: generateToken() })],
    others: { anonymous: 'skip' },
    async succeeded(outcome, { world, people, target }) {
      expect(redirectedTo(outcome)).toBe('/settings/account?notice=email-changed');
      const [row] = await world.db
        .select({ email: users.email })
        .from(users)
        .where(eq(users.id, people.victimFreelancer.userId));
      expect(row.email).toBe(target.newEmail);
    },
  }),

  'app/(app)/settings/account/actions.ts#signOutEverywhereAction': defineActionCase({
    actor: 'anyone',
    kind: 'self',
    reason: "Ends every session of the caller's own account.",
    rightful: 'victimFreelancer',
    // Every call opens a session of its own, so ending them all leaves the next one signed in.
    arrange: async () => ({}),
    form: () => ({}),
    others: { ...everyone('own-rows'), anonymous: 'unchanged' },
    // Done or not, the browser is sent to sign in; the database tells the two apart.
    isRefused: (outcome) => redirectedTo(outcome) !== '/sign-in',
    async succeeded(outcome, { world }) {
      expect(redirectedTo(outcome)).toBe('/sign-in');
      const left = await world.db
        .select()
        .from(sessions)
        .where(eq(sessions.userId, world.victimFreelancer.userId));
      expect(left).toEqual([]);
      const audited = await world.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.actorId, world.victimFreelancer.userId),
            eq(auditLog.action, 'auth.sign_out_everywhere'),
          ),
        );
      expect(audited.length).toBeGreaterThan(0);
    },
  }),

  'app/(app)/settings/confirm/actions.ts#confirmPayoutChangeAction': defineActionCase({
    actor: 'emailed-link',
    kind: 'token-guarded',
    reason:
      "The link mailed to the account's address for a payout change asked for without a recent sign-in. Signed in as another account it is refused; with nobody signed in the link alone applies it (the page shows the change first), so anonymous is not a wrong actor here.",
    rightful: 'victimFreelancer',
    async arrange(world) {
      await world.pendingPayoutConfirmation();
      const before = (await payoutRows(world.db, world.victimFreelancer.userId)).length;
      return {
        before,
        token: await tokenFromEmail(world.db, world.victimFreelancer.email, 'payout-confirm'),
      };
    },
    form: ({ target }) => ({ token: target.token }),
    fuzz: { freshEachRun: 'the link works once' },
    wrongForms: [() => ({ token: generateToken() })],
    others: { anonymous: 'skip' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/settings/payout?notice=confirmed');
      expect(await payoutRows(world.db, world.victimFreelancer.userId)).toHaveLength(
        target.before + 1,
      );
    },
  }),
};
