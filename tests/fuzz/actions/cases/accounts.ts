import { createHash, randomInt } from 'node:crypto';
import { users, verificationTokens } from '@/db/schema';
import { requestEmailChange } from '@/lib/accounts/email-change';
import { getEnv } from '@/lib/env';
import { requestAddPayoutMethod } from '@/lib/payouts/service';
import { generateToken } from '@/lib/security/tokens';
import { PEER_ADDRESS_HEADER } from '@/lib/server/peer-address';
import { uniqueEmail } from '@/tests/helpers/compliance-fixtures';
import {
  actorSignedIn,
  createFreelancer,
  PAYPAL,
  tokenFromEmail,
} from '@/tests/helpers/settings-fixtures';
import type { FuzzCase } from '../runner';
import { addPayoutMethodSchema } from '@/lib/payouts/schemas';
import { changeEmailSchema } from '@/lib/accounts/email-change';
import { asSubmitted } from '@/tests/helpers/submitted';

/** Signing in and out, choosing and switching sides, the account and the emailed links. */
export const ACCOUNT_FUZZ: Record<string, FuzzCase> = {
  'app/(auth)/sign-in/actions.ts#requestSignInLinkAction': {
    // Nobody is signed in when asking for a link.
    arrange: async () => ({ caller: null, form: { email: uniqueEmail('fuzz-sign-in') } }),
    freshEachRun: 'a new address each run: five links per address, then the limit answers',
    // And a new client address, or the per-IP limit would answer every run after the 30th.
    headers: () => ({
      [PEER_ADDRESS_HEADER]: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`,
    }),
  },

  'app/(auth)/sign-in/actions.ts#confirmSignInAction': {
    async arrange(world) {
      const email = uniqueEmail('fuzz-confirm');
      const token = generateToken();
      // Auth.js stores SHA-256(token + secret); see verificationTokenHash in lib/auth/service.
      const hashed = createHash('sha256').update(`${token}${getEnv().AUTH_SECRET}`).digest('hex');
      await world.db
        .insert(verificationTokens)
        .values({ identifier: email, token: hashed, expires: new Date(Date.now() + 10 * 60_000) });
      return { caller: null, form: { email, token } };
    },
    freshEachRun: 'a link works once',
  },

  'app/(app)/actions.ts#signOutAction': {
    arrange: async (world) => ({ caller: await createFreelancer(world.db), form: {} }),
  },

  'app/(app)/actions.ts#switchSideAction': {
    arrange: async (world) => ({
      caller: await world.newClient('company'),
      form: { side: 'client' },
    }),
  },

  'app/(app)/welcome/actions.ts#chooseSideAction': {
    // The same newcomer every run: choosing again (a double submit) must work too.
    async arrange(world) {
      const email = uniqueEmail('fuzz-newcomer');
      const [user] = await world.db.insert(users).values({ email }).returning({ id: users.id });
      return {
        caller: { userId: user.id, email },
        form: {
          side: 'client',
          yourName: 'Dana Lee',
          workspaceName: 'Fuzz Studio',
          workspaceType: 'company',
        },
      };
    },
  },

  'app/(app)/settings/account/actions.ts#requestEmailChangeAction': {
    arrange: async (world) => ({
      caller: await createFreelancer(world.db),
      form: { email: uniqueEmail('fuzz-moved') },
    }),
  },

  'app/(app)/settings/account/actions.ts#confirmEmailChangeAction': {
    async arrange(world) {
      const caller = await createFreelancer(world.db);
      const email = uniqueEmail('fuzz-moved');
      const asked = await asSubmitted(
        changeEmailSchema,
        {
          email,
        },
        async (input) =>
          requestEmailChange(world.db, await actorSignedIn(world.db, caller, 1), input),
      );
      if (!asked.ok) throw new Error(asked.message);
      return {
        caller,
        form: { token: await tokenFromEmail(world.db, email, 'email-change-confirm') },
      };
    },
    freshEachRun: 'the link works once and moves the account to the new address',
  },

  'app/(app)/settings/account/actions.ts#signOutEverywhereAction': {
    // Every run opens a new session, so ending them all leaves the next run signed in.
    arrange: async (world) => ({ caller: await createFreelancer(world.db), form: {} }),
  },

  'app/(app)/settings/confirm/actions.ts#confirmPayoutChangeAction': {
    async arrange(world) {
      const caller = await createFreelancer(world.db);
      // Signed in an hour ago: not recent, so the change waits for the emailed link.
      const actor = await actorSignedIn(world.db, caller, 60);
      const asked = await asSubmitted(
        addPayoutMethodSchema,
        {
          ...PAYPAL,
          email: uniqueEmail('fuzz-paypal'),
        },
        (input) => requestAddPayoutMethod(world.db, actor, input),
      );
      if (!asked.ok || asked.status !== 'confirmation-sent') throw new Error(JSON.stringify(asked));
      return {
        caller,
        form: { token: await tokenFromEmail(world.db, caller.email, 'payout-confirm') },
      };
    },
    freshEachRun: 'the link works once',
  },
};
