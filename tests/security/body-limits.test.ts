import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { NextRequest } from 'next/server';
import nextConfig from '@/next.config';
import { config as proxyConfig } from '@/proxy';
import { sessionCookieName } from '@/lib/auth/constants';
import { formDataToObject } from '@/lib/forms-data';
import { BULK_MAX_BYTES, BULK_MAX_ROWS } from '@/lib/invites/bulk';
import { inviteSchema, LIMITS } from '@/lib/invites/schemas';
import { ACTION_BODY_LIMIT_BYTES, ANONYMOUS_ACTION_LIMIT_BYTES } from '@/lib/server/body-limits';
import { guardServerAction as proxy } from '@/lib/server/action-guard';

/*
 * Issue 13.1, the parts that need no running server: what the limits are set from, the
 * proxy's refusals of server-action posts. tests/security/upload-limits.test.ts sends
 * oversized bodies to the upload route and the webhook.
 */

/** The bytes a browser posts for this form (multipart, as React's forms send it). */
async function multipartSize(fields: Record<string, string>): Promise<number> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('$ACTION_ID_0123456789abcdef0123456789abcdef01234567', '');
  return (await new Response(form).arrayBuffer()).byteLength;
}

// Three bytes a code unit in UTF-8 (the most a zod .max(), counting UTF-16 units, lets in).
const widest = (length: number) => '€'.repeat(length);

function largestOffer(): Record<string, string> {
  const fields: Record<string, string> = {
    'offer.kind': 'fixed',
    'offer.title': widest(LIMITS.title),
    'offer.description': widest(LIMITS.description),
    'offer.startDate': '2030-01-01',
  };
  for (let i = 0; i < LIMITS.milestones; i++) {
    fields[`offer.milestones.${i}.description`] = widest(LIMITS.milestoneDescription);
    fields[`offer.milestones.${i}.amountDollars`] = '1,000,000.00';
    fields[`offer.milestones.${i}.dueDate`] = '2030-02-01';
  }
  return fields;
}

describe('the server-action limit', () => {
  it('is the number next.config.ts gives Next.js, and no longer 51 MB', () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(ACTION_BODY_LIMIT_BYTES);
    expect(ACTION_BODY_LIMIT_BYTES).toBeLessThan(2 * 1024 * 1024);
  });

  it('takes the invite form at every limit, with ten milestones', async () => {
    const fields = {
      email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.example`,
      firstName: widest(LIMITS.name),
      lastName: widest(LIMITS.name),
      message: widest(LIMITS.message),
      ...largestOffer(),
    };
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    // The measured form is one the server accepts.
    expect(inviteSchema.safeParse(formDataToObject(form)).success).toBe(true);
    expect(await multipartSize(fields)).toBeLessThan(ACTION_BODY_LIMIT_BYTES);
  });

  it('takes the bulk invite: 500 rows at their limits pasted, or the largest CSV echoed back', async () => {
    const row = `${'a'.repeat(64)}@${'b'.repeat(180)}.example,${widest(LIMITS.name)},${widest(LIMITS.name)},999.99`;
    const rows = Array.from({ length: BULK_MAX_ROWS }, () => row).join('\n');
    expect(Buffer.byteLength(rows)).toBeLessThanOrEqual(BULK_MAX_BYTES);
    const pasted = await multipartSize({ csv: rows, ...largestOffer() });
    // Step two posts the checked list back; the server accepts a list up to BULK_MAX_BYTES.
    const echoed = await multipartSize({
      csv: 'x'.repeat(BULK_MAX_BYTES),
      intent: 'send',
      ...largestOffer(),
    });
    expect(pasted).toBeLessThan(ACTION_BODY_LIMIT_BYTES);
    expect(echoed).toBeLessThan(ACTION_BODY_LIMIT_BYTES);
  });
});

const APP = 'http://localhost:3000';
const actionPost = (headers: Record<string, string>) =>
  new NextRequest(`${APP}/sign-in`, {
    method: 'POST',
    headers: { host: 'localhost:3000', origin: APP, 'next-action': 'abc123', ...headers },
  });
const passes = (response: Response) => response.headers.get('x-middleware-next') === '1';
const session = `${sessionCookieName(false)}=some-token`;

describe('the server-action guard (proxy.ts), before Next.js reads the body', () => {
  it('refuses anonymous posts over a few kB, whatever they declare, and asks for a length', () => {
    expect(proxy(actionPost({ 'content-length': String(50 * 1024 * 1024) })).status).toBe(413);
    expect(
      proxy(actionPost({ 'content-length': String(ANONYMOUS_ACTION_LIMIT_BYTES + 1) })).status,
    ).toBe(413);
    expect(passes(proxy(actionPost({ 'content-length': '2048' })))).toBe(true);
    expect(proxy(actionPost({})).status).toBe(411);
    expect(proxy(actionPost({ 'content-length': 'lots' })).status).toBe(413);
  });

  it('gives posts with a session cookie the action limit, and no more', () => {
    expect(passes(proxy(actionPost({ cookie: session, 'content-length': '500000' })))).toBe(true);
    expect(
      proxy(actionPost({ cookie: session, 'content-length': String(ACTION_BODY_LIMIT_BYTES + 1) }))
        .status,
    ).toBe(413);
  });

  it("answers 403, not Next.js's 500, to a forged or null Origin", () => {
    const length = { 'content-length': '100' };
    expect(proxy(actionPost({ ...length, origin: 'https://evil.example' })).status).toBe(403);
    expect(proxy(actionPost({ ...length, origin: 'null' })).status).toBe(403);
    expect(proxy(actionPost({ ...length, origin: 'not a url' })).status).toBe(403);
    expect(
      proxy(
        actionPost({ ...length, origin: 'https://app.example', 'x-forwarded-host': 'app.example' }),
      ).status,
    ).not.toBe(403);
    // No Origin at all: a hand-made request, which Next.js lets through too.
    const { origin: _dropped, ...noOrigin } = Object.fromEntries(actionPost(length).headers);
    expect(
      passes(proxy(new NextRequest(`${APP}/sign-in`, { method: 'POST', headers: noOrigin }))),
    ).toBe(true);
  });
});

describe("proxy.ts's matcher", () => {
  const matches = (url: string, headers: Record<string, string>) =>
    unstable_doesMiddlewareMatch({ config: proxyConfig, url, headers });
  const multipart = { 'content-type': 'multipart/form-data; boundary=----x' };

  it('sees every server-action post, with JavaScript or without', () => {
    expect(matches('/sign-in', { 'next-action': 'abc' })).toBe(true);
    expect(matches('/sign-in', multipart)).toBe(true);
    expect(matches('/client/invites/bulk', multipart)).toBe(true);
    // The pages beside the upload routes still post actions through the proxy.
    expect(matches('/jobs/j1/propose', multipart)).toBe(true);
    expect(matches('/contracts/c1/milestones/m1/submit', multipart)).toBe(true);
  });

  it('never sees the upload routes, whose bodies it would copy', () => {
    expect(matches('/onboarding/compliance/submit', multipart)).toBe(false);
    expect(matches('/settings/profile/photo', multipart)).toBe(false);
    expect(matches('/contracts/c1/milestones/m1/submit/upload', multipart)).toBe(false);
    expect(matches('/jobs/j1/propose/send', multipart)).toBe(false);
    expect(matches('/api/webhooks/resend', { 'content-type': 'application/json' })).toBe(false);
    expect(matches('/invite/abc/accept', {})).toBe(false);
  });

  it('sees invite links, for their status', () => {
    expect(matches('/invite/abc', {})).toBe(true);
  });
});
