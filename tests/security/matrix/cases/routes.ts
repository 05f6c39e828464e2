import { eq } from 'drizzle-orm';
import { complianceChecks, mailboxMessages } from '@/db/schema';
import { EMAIL_PREVIEWS } from '@/emails/previews';
import { createSession } from '@/lib/auth/service';
import { findProfile } from '@/lib/profile/queries';
import { pdfBytes, sampleAnswers } from '@/tests/helpers/compliance-fixtures';
import { solidPng } from '@/tests/helpers/png';
import { browserCookieHeader, startRequest } from '@/tests/helpers/request-context';
import {
  browserRequest,
  CROSS_SITE,
  formOf,
  postRequest,
  redirectedTo,
  routeArgs,
  sessionExists,
  smuggled,
  statusOf,
} from '../calls';
import type { EndpointFn } from '../endpoints';
import { defineCase, everyone, invoke, type Arranged, type Ctx, type Entry } from '../runner';

/** With Resend configured the local mailbox is off: the production set-up. */
const PRODUCTION_EMAIL = { RESEND_API_KEY: 're_matrix_test', EMAIL_TRANSPORT: undefined };

type DevTarget = { path: string; params: Record<string, string> };

/** With the mailbox off, signed in or not, a development route answers 404. */
async function expectNotFoundInProduction(fn: EndpointFn, ctx: Ctx<DevTarget>) {
  await ctx.world.withEnv(PRODUCTION_EMAIL, async () => {
    const owner = await createSession(ctx.world.db, ctx.people.victimFreelancer.userId);
    for (const token of [null, owner.token]) {
      startRequest(token);
      const outcome = await invoke(
        fn,
        routeArgs(browserRequest(ctx.target.path), ctx.target.params),
      );
      expect(statusOf(outcome)).toBe(404);
    }
  });
}

/** Auth.js's CSRF pair: the token for the form and the cookie that must come with it. */
async function authCsrf(): Promise<{ token: string; cookie: string }> {
  const { handlers } = await import('@/lib/auth/config');
  const response = await handlers.GET(
    browserRequest('/api/auth/csrf') as Parameters<typeof handlers.GET>[0],
  );
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.includes('csrf-token'));
  if (!cookie) throw new Error('Auth.js set no CSRF cookie');
  return { token: csrfToken, cookie };
}

/** A form post to Auth.js with this browser's cookies, plus the CSRF cookie when given. */
function authPost(path: string, fields: Record<string, string>, csrfCookie?: string) {
  const cookie = [browserCookieHeader(), csrfCookie].filter(Boolean).join('; ');
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (cookie) headers.cookie = cookie;
  return routeArgs(postRequest(path, { headers, body: new URLSearchParams(fields).toString() }));
}

function photoForm<T extends Arranged>(ctx: Ctx<T>): FormData {
  return formOf({
    photo: new File([new Uint8Array(solidPng())], 'me.png', { type: 'image/png' }),
    ...smuggled(ctx),
  });
}

function complianceForm<T extends Arranged>(ctx: Ctx<T>): FormData {
  return formOf({
    ...sampleAnswers(),
    documents: new File([Buffer.from(pdfBytes())], 'Registration.pdf', {
      type: 'application/pdf',
    }),
    ...smuggled(ctx),
  });
}

const photoPath = (slug: string) =>
  routeArgs(browserRequest(`/freelancers/${slug}/photo`), { slug });

/** Route handlers: documents, photos, Auth.js, health and the development tools. */
export const ROUTE_CASES: Record<string, Entry> = {
  'app/(app)/compliance/documents/[id]/route.ts#GET': defineCase({
    kind: 'owner',
    reason:
      'A compliance document is for the freelancer who uploaded it and for ops reviewers; everyone else gets the 404 of an unknown id.',
    rightful: 'victimFreelancer',
    arrange: async (world) => ({
      documentId: world.victimFreelancer.documentId,
      protect: [world.victimFreelancer.documentId],
    }),
    args: ({ target }) =>
      routeArgs(browserRequest(`/compliance/documents/${target.documentId}`), {
        id: target.documentId,
      }),
    // Ops reviewers may download it too (audited; see lib/compliance/access.test.ts).
    others: { admin: 'allowed' },
    async succeeded(outcome) {
      expect(statusOf(outcome)).toBe(200);
      expect(outcome.type === 'response' && Buffer.from(outcome.bytes)).toEqual(
        Buffer.from(pdfBytes()),
      );
    },
  }),

  'app/(app)/settings/profile/photo/route.ts#POST': defineCase({
    kind: 'self',
    reason:
      "Uploads a photo to the caller's own profile (same-origin posts only); a user id in the form is ignored.",
    rightful: 'victimFreelancer',
    async arrange(world) {
      const profile = await findProfile(world.db, world.victimFreelancer.userId);
      return { before: profile?.photoFileId ?? null };
    },
    args: (ctx) => routeArgs(postRequest('/settings/profile/photo', { body: photoForm(ctx) })),
    wrongArgs: [
      (ctx) =>
        routeArgs(
          postRequest('/settings/profile/photo', { headers: CROSS_SITE, body: photoForm(ctx) }),
        ),
    ],
    others: { otherFreelancer: 'own-rows' },
    async succeeded(outcome, { world, target }) {
      expect(statusOf(outcome)).toBe(303);
      expect(redirectedTo(outcome)).toBe('/settings/profile?notice=photo-saved#photo-heading');
      const photo = (await findProfile(world.db, world.victimFreelancer.userId))?.photoFileId;
      expect(photo).toBeTruthy();
      expect(photo).not.toBe(target.before);
    },
  }),

  'app/(app)/onboarding/compliance/submit/route.ts#POST': defineCase({
    kind: 'self',
    reason:
      "Submits the caller's own check (same-origin posts only); the level comes from the caller's contracts, never from the form.",
    rightful: 'victimFreelancer',
    async arrange(world) {
      return { people: { victimFreelancer: await world.freelancerAwaitingCompliance() } };
    },
    args: (ctx) =>
      routeArgs(postRequest('/onboarding/compliance/submit', { body: complianceForm(ctx) })),
    wrongArgs: [
      (ctx) =>
        routeArgs(
          postRequest('/onboarding/compliance/submit', {
            headers: CROSS_SITE,
            body: complianceForm(ctx),
          }),
        ),
    ],
    others: { otherFreelancer: 'own-rows' },
    async succeeded(outcome, { world, people }) {
      expect(statusOf(outcome)).toBe(303);
      expect(redirectedTo(outcome)).toBe('/onboarding/compliance?notice=submitted');
      const rows = await world.db
        .select()
        .from(complianceChecks)
        .where(eq(complianceChecks.userId, people.victimFreelancer.userId));
      expect(rows.map((r) => r.status)).toEqual(['submitted']);
    },
  }),

  'app/(public)/freelancers/[slug]/photo/route.ts#GET': defineCase({
    kind: 'visibility-guarded',
    reason:
      'Obeys the profile visibility: a private profile answers 404 to anonymous visitors, while signed-in people with the link see the limited card, photo included (SPEC F).',
    rightful: 'victimFreelancer',
    arrange: (world) => world.victimProfile('private'),
    args: ({ target }) => photoPath(target.slug),
    others: { ...everyone('unchanged'), anonymous: 'refused' },
    async succeeded(outcome) {
      expect(statusOf(outcome)).toBe(200);
      expect(outcome.type === 'response' && Buffer.from(outcome.bytes)).toEqual(solidPng());
    },
    async also(fn, { world, target }) {
      // "Signed-in users only" is a 404 for anonymous visitors as well.
      await world.victimProfile('signed_in');
      startRequest(null);
      expect(statusOf(await invoke(fn, photoPath(target.slug)))).toBe(404);
    },
  }),

  'app/api/auth/[...nextauth]/route.ts#GET': defineCase({
    kind: 'public-by-design',
    reason:
      "Auth.js's read endpoints (session, csrf, providers): each answers about the caller's own cookie and writes nothing. Its email callback, which would use up a sign-in link, only redirects to the confirmation page (tests/routes/auth-email-link.test.ts).",
    rightful: 'victimFreelancer',
    arrange: async () => ({}),
    args: () => routeArgs(browserRequest('/api/auth/session')),
    others: everyone('unchanged'),
    async succeeded(outcome, { world }) {
      expect(statusOf(outcome)).toBe(200);
      const session =
        outcome.type === 'response'
          ? (JSON.parse(outcome.body) as { user?: { email?: string } })
          : {};
      expect(session.user?.email).toBe(world.victimFreelancer.email);
    },
  }),

  'app/api/auth/[...nextauth]/route.ts#POST': defineCase({
    kind: 'public-by-design',
    reason:
      "Auth.js's form endpoints (sign in, sign out) act on the caller's own browser and need Auth.js's CSRF token (cookie plus form field); without it they change nothing.",
    rightful: 'victimFreelancer',
    arrange: async () => ({}),
    async args() {
      const csrf = await authCsrf();
      return authPost('/api/auth/signout', { csrfToken: csrf.token }, csrf.cookie);
    },
    wrongArgs: [
      () => authPost('/api/auth/signout', {}),
      ({ world }) => authPost('/api/auth/signin/email', { email: world.victimFreelancer.email }),
    ],
    others: { ...everyone('own-rows'), anonymous: 'unchanged' },
    async succeeded(outcome, { world, sessionToken }) {
      expect(statusOf(outcome)).toBe(302);
      expect(await sessionExists(world, sessionToken)).toBe(false);
    },
  }),

  'app/api/health/route.ts#GET': defineCase({
    kind: 'public-by-design',
    reason: 'For load balancers: says whether the database answers, and writes nothing.',
    rightful: 'anonymous',
    arrange: async () => ({}),
    args: () => routeArgs(browserRequest('/api/health')),
    others: everyone('unchanged'),
    async succeeded(outcome) {
      expect(statusOf(outcome)).toBe(200);
    },
  }),

  'app/dev/emails/[name]/route.ts#GET': defineCase({
    kind: 'dev-only',
    reason:
      'Template previews with made-up data, served only while email goes to the local mailbox (never with Resend, so never in production).',
    rightful: 'anonymous',
    async arrange() {
      const name = Object.keys(EMAIL_PREVIEWS)[0];
      return { path: `/dev/emails/${name}`, params: { name } };
    },
    args: ({ target }) => routeArgs(browserRequest(target.path), target.params),
    others: everyone('unchanged'),
    async succeeded(outcome) {
      expect(statusOf(outcome)).toBe(200);
    },
    also: expectNotFoundInProduction,
  }),

  'app/dev/mail/[id]/html/route.ts#GET': defineCase({
    kind: 'dev-only',
    reason:
      'The local mailbox: anyone may read it while email goes there (development and the e2e run, by design); with Resend it does not exist.',
    rightful: 'anonymous',
    async arrange(world) {
      const invite = await world.pendingInvite();
      const [message] = await world.db
        .insert(mailboxMessages)
        .values({
          outboxId: invite.outboxId,
          toAddress: invite.email,
          fromAddress: 'no-reply@workbridge.test',
          subject: 'Matrix',
          html: '<p>Matrix</p>',
          text: 'Matrix',
        })
        .returning({ id: mailboxMessages.id });
      return { path: `/dev/mail/${message.id}/html`, params: { id: message.id } };
    },
    args: ({ target }) => routeArgs(browserRequest(target.path), target.params),
    others: everyone('unchanged'),
    async succeeded(outcome) {
      expect(statusOf(outcome)).toBe(200);
      expect(outcome.type === 'response' && outcome.body).toBe('<p>Matrix</p>');
    },
    also: expectNotFoundInProduction,
  }),
};
