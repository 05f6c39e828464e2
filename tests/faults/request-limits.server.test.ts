import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import postgres from 'postgres';
import { openDatabase, type Database } from '@/db/client';
import { SIGN_IN_LIMITS } from '@/lib/auth/service';
import { createInvite } from '@/lib/invites/service';
import { revokeInvite } from '@/lib/invites/manage';
import {
  createClient,
  findInvite,
  inviteData,
  tokenFromOutbox,
} from '@/tests/helpers/invite-fixtures';
import { uniqueEmail } from '@/tests/helpers/compliance-fixtures';
import { adminUrl } from '@/tests/helpers/template';

/*
 * Issue 13.1 and 13.8 against the production build (`next build` first; skipped without
 * one, and without the Postgres server the test shares a database with the app on): the
 * body limits of each kind of endpoint, the server's memory while it refuses, the invite
 * pages' status codes and the action guard's 403.
 */
const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const hasBuild = existsSync('.next/BUILD_ID');
const MB = 1024 * 1024;

let child: ChildProcess | undefined;
let base = '';
let dbName = '';
let database: Database | undefined;
let available = hasBuild;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  if (!hasBuild) return;
  const admin = postgres(adminUrl(SERVER_URL), { max: 1, onnotice: () => {}, connect_timeout: 3 });
  dbName = `wb_limits_${process.pid}_${Date.now()}`;
  try {
    await admin.unsafe(`create database "${dbName}"`);
  } catch {
    available = false;
    return;
  } finally {
    await admin.end();
  }
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const inherited = { ...process.env };
  for (const key of ['NODE_OPTIONS', 'PGLITE_DIR']) delete inherited[key];
  // `npm start`'s entry, in a process group of its own.
  child = spawn(process.execPath, ['scripts/next-start.mjs', '-p', String(port)], {
    env: {
      ...inherited,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: adminUrl(SERVER_URL, dbName),
      APP_URL: base,
      AUTH_SECRET: 'limits-secret-0123456789abcdef0123456789',
      DATA_ENCRYPTION_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
      EMAIL_TRANSPORT: 'mailbox',
      PAYMENTS_PROVIDER: 'simulated',
      RESEND_WEBHOOK_SECRET: `whsec_${Buffer.from('k'.repeat(24)).toString('base64')}`,
      SEED_DEMO: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
  database = await openDatabase({ url: adminUrl(SERVER_URL, dbName), max: 2 });
}, 180_000);

afterAll(async () => {
  if (child?.pid) process.kill(-child.pid, 'SIGKILL');
  await database?.close();
  if (dbName) {
    const admin = postgres(adminUrl(SERVER_URL), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch(() => {});
    await admin.end();
  }
});

/** Resident memory of the server's process group, in bytes. */
function serverRss(): number {
  const out = execFileSync('ps', ['-o', 'rss=', '-g', String(child!.pid)]).toString();
  return out
    .split('\n')
    .filter(Boolean)
    .reduce((sum, kb) => sum + Number(kb) * 1024, 0);
}

/** POSTs `bytes` of body (declared, or chunked when `declare` is false); the status or 'reset'. */
async function post(path: string, bytes: number, headers: Record<string, string>, declare = true) {
  const chunk = new Uint8Array(256 * 1024).fill(120);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(chunk.byteLength, bytes - sent);
      sent += size;
      controller.enqueue(chunk.subarray(0, size));
    },
  });
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { ...headers, ...(declare ? { 'content-length': String(bytes) } : {}) },
    duplex: 'half',
  } as RequestInit).then(
    (r) => r.status,
    () => 'reset' as const,
  );
  return response;
}

type SignInForm = { actionId: string; hidden: [string, string][] };

/** The sign-in page's no-JavaScript form: its action id and the hidden fields React renders. */
async function signInForm(): Promise<SignInForm> {
  const html = await (await fetch(`${base}/sign-in`)).text();
  const decode = (v: string) => v.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const hidden = [
    ...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g),
  ].map((m): [string, string] => [m[1], decode(m[2] ?? '')]);
  const actionId = hidden.map(([, value]) => /"id":"([0-9a-f]+)"/.exec(value)?.[1]).find(Boolean);
  if (!actionId) throw new Error('no action id on /sign-in');
  return { actionId, hidden };
}

const signInActionId = async () => (await signInForm()).actionId;

const maybe = (name: string, fn: () => Promise<void>, timeout = 180_000) =>
  it(
    name,
    async () => {
      if (!available) {
        const missing = hasBuild ? 'no Postgres server' : 'no production build (.next)';
        // CI builds before this lane and has a server: there a skip would hide a failure.
        if (process.env.CI === 'true') throw new Error(`cannot run: ${missing}`);
        console.warn(`skipped: ${missing}`);
        return;
      }
      await fn();
    },
    timeout,
  );

describe('the production server under oversized bodies', () => {
  maybe(
    'refuses oversized posts to every kind of endpoint, and its memory stays flat',
    async () => {
      const actionId = await signInActionId();
      const action = {
        'next-action': actionId,
        origin: base,
        'content-type': 'multipart/form-data; boundary=x',
      };
      const before = serverRss();
      // Twenty concurrent 50 MB anonymous posts to the sign-in action (the attack).
      const anonymous = await Promise.all(
        Array.from({ length: 20 }, () => post('/sign-in', 50 * MB, action)),
      );
      expect(anonymous.every((s) => s === 413 || s === 'reset')).toBe(true);
      // The same post as a form without JavaScript sends it (no Next-Action header).
      const noScript = { origin: base, 'content-type': 'multipart/form-data; boundary=x' };
      expect([413, 'reset']).toContain(await post('/sign-in', 50 * MB, noScript));
      // Signed in (a session cookie): over the action limit, declared and chunked.
      const cookie = { cookie: 'authjs.session-token=not-a-real-session' };
      expect(await post('/sign-in', 50 * MB, { ...action, ...cookie })).not.toBe(200);
      expect(await post('/sign-in', 50 * MB, { ...action, ...cookie }, false)).not.toBe(200);
      // The upload route, signed out: sent to sign in without reading.
      expect([303, 'reset']).toContain(
        await post('/onboarding/compliance/submit', 300 * MB, {
          'content-type': 'multipart/form-data; boundary=x',
          'sec-fetch-site': 'same-origin',
        }),
      );
      // The webhook, unsigned: refused at the cap.
      for (const declare of [true, false]) {
        expect([413, 'reset']).toContain(
          await post(
            '/api/webhooks/resend',
            300 * MB,
            { 'content-type': 'application/json' },
            declare,
          ),
        );
      }
      const growth = serverRss() - before;
      expect(growth).toBeLessThan(300 * MB);
      // Still answering.
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
    },
  );

  maybe('answers 403, not 500, to a server action with a forged or null Origin', async () => {
    const actionId = await signInActionId();
    for (const origin of ['https://evil.example', 'null']) {
      const form = new FormData();
      form.append('email', 'someone@example.com');
      const response = await fetch(`${base}/sign-in`, {
        method: 'POST',
        body: form,
        headers: { 'next-action': actionId, origin },
      });
      expect(response.status).toBe(403);
    }
  });

  maybe('holds a client that varies X-Forwarded-For to the per-IP sign-in limit', async () => {
    const { hidden } = await signInForm();
    const prefix = `xff-${Date.now()}`;
    for (let i = 0; i < 40; i++) {
      // The form as a browser without JavaScript posts it.
      const form = new FormData();
      for (const [name, value] of hidden) form.append(name, value);
      form.append('email', `${prefix}-${i}@example.com`);
      await fetch(`${base}/sign-in`, {
        method: 'POST',
        body: form,
        redirect: 'manual',
        headers: { origin: base, 'x-forwarded-for': `6.6.${i}.6` },
      });
    }
    const { rows } = await database!.executeSql(
      `select count(*)::int as sent from email_outbox where to_address like $1`,
      [`${prefix}-%`],
    );
    expect(rows[0].sent).toBe(SIGN_IN_LIMITS.perIp.limit);
  });

  maybe(
    'answers 410 for a dead invite link and 404 for an unknown one, with the page',
    async () => {
      const db = database!.db;
      const inviter = await createClient(db);
      const created = await createInvite(db, { inviter, input: inviteData(uniqueEmail('limits')) });
      if (!created.ok) throw new Error(created.message);
      const invite = await findInvite(db, created.inviteId);
      const token = await tokenFromOutbox(db, invite.lastOutboxId!);
      const open = await fetch(`${base}/invite/${token}`);
      expect(open.status).toBe(200);
      await revokeInvite(db, { inviter, inviteId: invite.id });
      const revoked = await fetch(`${base}/invite/${token}`);
      expect(revoked.status).toBe(410);
      expect(await revoked.text()).toContain('This invitation was withdrawn');
      expect((await fetch(`${base}/invite/${token}`, { method: 'HEAD' })).status).toBe(410);
      const unknown = await fetch(`${base}/invite/${'A'.repeat(43)}`);
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toContain('This link isn');
    },
  );
});
