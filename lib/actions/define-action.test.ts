import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  installRequestMocks,
  REQUEST_IP,
  routerRefreshCount,
  startRequest,
} from '@/tests/helpers/request-context';

import type { HandlerResult } from './define-action';

installRequestMocks();
const { defineAction, defineFormAction, RETYPE_SECRET } = await import('./define-action');
const { declarationOf } = await import('./registry');
const { SIGNED_OUT } = await import('./actor');
const { NOT_A_FORM } = await import('@/lib/forms');
const { actorSignedIn, createFreelancer } = await import('@/tests/helpers/settings-fixtures');

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

/** Signs a new freelancer in on this browser, `minutesAgo` minutes ago. */
async function signInFreelancer(minutesAgo = 1) {
  const who = await createFreelancer(database.db);
  const actor = await actorSignedIn(database.db, who, minutesAgo);
  startRequest(actor.sessionToken);
  return who;
}

const calls: unknown[] = [];
const saveAccount = defineAction({
  actor: 'freelancer',
  schema: z.object({
    holder: z.string().min(2, 'Too short.'),
    accountNumber: z.string().regex(/^\d{4,}$/, 'Digits only.'),
    rows: z.array(z.object({ note: z.string().min(1, 'Write a note.') })),
  }),
  secretFields: ['accountNumber'],
  retypeSecrets: true,
  async handler(input, { actor, ip }): Promise<HandlerResult<object>> {
    calls.push({ input, userId: actor.userId, ip });
    if (input.holder === 'taken')
      return { ok: false, message: 'Refused.', link: { href: '/there', label: 'Go there' } };
    return { ok: true, message: 'Saved.' };
  },
});

const VALID = { holder: 'Ann Lee', accountNumber: '12345678', 'rows.0.note': 'first' };

describe('defineAction', () => {
  it('refuses anything but a form, before looking at the caller', async () => {
    startRequest(null);
    expect(await Reflect.apply(saveAccount, undefined, [null, 'holder=x'])).toEqual(NOT_A_FORM);
  });

  it('refuses a post from another site', async () => {
    await signInFreelancer();
    startRequest(null, { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' });
    expect(await saveAccount(null, form(VALID))).toMatchObject({ ok: false, fieldErrors: {} });
  });

  it("answers a caller of the wrong kind with that kind's signed-out text", async () => {
    startRequest(null);
    expect(await saveAccount(null, form(VALID))).toEqual({
      ok: false,
      message: SIGNED_OUT.freelancer,
      fieldErrors: {},
    });
  });

  it('parses nested fields, returns every field error, and never echoes a secret', async () => {
    await signInFreelancer();
    const result = await saveAccount(
      null,
      form({ holder: 'A', accountNumber: '12ab', 'rows.0.note': '' }),
    );
    expect(result).toEqual({
      ok: false,
      message: 'Please correct the highlighted fields.',
      fieldErrors: {
        holder: ['Too short.'],
        accountNumber: ['Digits only.', RETYPE_SECRET],
        'rows.0.note': ['Write a note.'],
      },
      values: { holder: 'A', 'rows.0.note': '' },
    });
  });

  it('refuses a NUL character in any field, naming it', async () => {
    await signInFreelancer();
    const result = await saveAccount(null, form({ ...VALID, holder: 'A\u0000B' }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { holder: [expect.any(String)] } });
  });

  it('hands the handler typed input, the actor and the client IP; passes success through', async () => {
    const who = await signInFreelancer();
    calls.length = 0;
    expect(await saveAccount(null, form(VALID))).toEqual({ ok: true, message: 'Saved.' });
    expect(calls).toEqual([
      {
        input: { holder: 'Ann Lee', accountNumber: '12345678', rows: [{ note: 'first' }] },
        userId: who.userId,
        ip: REQUEST_IP,
      },
    ]);
  });

  it("turns a service's refusal into the form's state, with its link and the values", async () => {
    await signInFreelancer();
    expect(await saveAccount(null, form({ ...VALID, holder: 'taken' }))).toEqual({
      ok: false,
      message: 'Refused.',
      // The account number was fine, but it is not kept: the form says to type it again.
      fieldErrors: { accountNumber: [RETYPE_SECRET] },
      values: { holder: 'taken', 'rows.0.note': 'first' },
      link: { href: '/there', label: 'Go there' },
    });
  });

  it('asks to retype only the secrets that were filled in, and only where it is told to', async () => {
    await signInFreelancer();
    const empty = await saveAccount(null, form({ ...VALID, holder: 'A', accountNumber: ' ' }));
    expect(empty).toMatchObject({ ok: false, fieldErrors: { accountNumber: ['Digits only.'] } });
    const token = defineAction({
      actor: 'freelancer',
      schema: z.object({ token: z.string(), name: z.string().min(2, 'Too short.') }),
      secretFields: ['token'],
      handler: async () => ({ ok: true }),
    });
    expect(await token(null, form({ token: 'abc', name: 'A' }))).toMatchObject({
      fieldErrors: { name: ['Too short.'] },
    });
  });

  it("asks the browser's router to render everything again after a change, not after a refusal", async () => {
    await signInFreelancer();
    await saveAccount(null, form({ ...VALID, holder: 'taken' }));
    await saveAccount(null, form({ ...VALID, holder: 'A' }));
    expect(routerRefreshCount()).toBe(0);
    await saveAccount(null, form(VALID));
    expect(routerRefreshCount()).toBe(1);

    // Most actions redirect when they are done, which Next.js throws.
    const redirecting = defineAction({
      actor: 'freelancer',
      schema: z.object({}),
      handler: async () => redirect('/onboarding/contract'),
    });
    await expect(redirecting(null, form({}))).rejects.toMatchObject({
      digest: expect.stringContaining('/onboarding/contract'),
    });
    expect(routerRefreshCount()).toBe(2);
    const plain = defineFormAction({
      actor: 'freelancer',
      schema: z.object({}),
      refusedTo: '/sign-in',
      handler: async () => redirect('/settings/profile'),
    });
    await expect(plain(form({}))).rejects.toMatchObject({
      digest: expect.stringContaining('/settings/profile'),
    });
    expect(routerRefreshCount()).toBe(3);
  });

  it('refuses a change that wants a recent sign-in after 30 minutes, with a way to sign in', async () => {
    const sensitive = defineAction({
      actor: 'signed-in',
      schema: z.object({}),
      recentSignIn: 'changing this',
      handler: async () => ({ ok: true }),
    });
    await signInFreelancer(31);
    expect(await sensitive(null, form({}))).toMatchObject({
      ok: false,
      message: expect.stringContaining('changing this needs a sign-in from the last 30 minutes'),
      link: { href: '/sign-in', label: 'Sign in again' },
    });
    await signInFreelancer(5);
    expect(await sensitive(null, form({}))).toEqual({ ok: true });
  });

  it('attaches its declaration for the matrix and the fuzzer', () => {
    expect(declarationOf(saveAccount)).toMatchObject({
      actor: 'freelancer',
      secretFields: ['accountNumber'],
      form: 'state',
    });
    expect(declarationOf(async () => undefined)).toBeUndefined();
  });
});

describe('defineFormAction', () => {
  it('sends a refused caller to refusedTo, and ignores what is not a form', async () => {
    const run = defineFormAction({
      actor: 'reviewer',
      schema: z.object({}),
      refusedTo: '/sign-in',
      handler: async () => undefined,
    });
    startRequest(null);
    await expect(run(form({}))).rejects.toMatchObject({
      digest: expect.stringContaining('/sign-in'),
    });
    expect(await Reflect.apply(run, undefined, ['x'])).toBeUndefined();
  });
});
