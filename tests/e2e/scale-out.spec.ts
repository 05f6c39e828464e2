import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { nextStartArgs, SERVER_ENV } from '../../scripts/next-start.mjs';
import { stopProcessGroup } from '../../scripts/process-group';
import { inviteLinkFromMail, sendHourlyInvite, signUpAsClient, uniqueEmail } from './helpers';

/**
 * Two `next start` processes and one `npm run worker` on one Postgres server: an invite
 * created on one server is accepted on the other, the session works on both, and every
 * outbox message is delivered exactly once.
 */
const SERVER_URL = process.env.SCALE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PORTS = [3301, 3302];
const children: ChildProcess[] = [];
/** What the servers printed, for the failure message when one does not start. */
const logs: string[] = [];

function capture(child: ChildProcess, name: string) {
  child.stdout?.on('data', (d) => logs.push(`[${name}] ${d}`));
  child.stderr?.on('data', (d) => logs.push(`[${name}] ${d}`));
  child.on('exit', (code) => logs.push(`[${name}] exited with ${code}`));
  return child;
}
let dbName = '';
let dbUrl = '';

async function waitHealthy(url: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become healthy:\n${logs.join('').slice(-4000)}`);
}

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.beforeAll(async ({}, testInfo) => {
  // Two production servers migrating and starting pg-boss together take a while on 2 cores.
  testInfo.setTimeout(180_000);
  const admin = postgres(SERVER_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
  dbName = `wb_scale_${Date.now()}`;
  try {
    await admin.unsafe(`create database "${dbName}"`);
  } catch (error) {
    await admin.end({ timeout: 1 });
    // A newcomer's machine may have no Postgres server: skip there, never on CI.
    if (process.env.CI) throw error;
    dbName = '';
    testInfo.skip(true, `no Postgres server at ${SERVER_URL} (CI always has one)`);
    return;
  }
  await admin.end();
  const u = new URL(SERVER_URL);
  u.pathname = `/${dbName}`;
  dbUrl = u.toString();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl,
    APP_URL: `http://localhost:${PORTS[0]}`,
    AUTH_SECRET: 'scale-secret-0123456789abcdef0123456789abcdef',
    // Both servers must share it: each decrypts what the other wrote.
    DATA_ENCRYPTION_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
    EMAIL_TRANSPORT: 'mailbox',
    PAYMENTS_PROVIDER: 'simulated',
    NEXT_TELEMETRY_DISABLED: '1',
    ...SERVER_ENV,
  };
  for (const port of PORTS) {
    children.push(
      capture(
        spawn(process.execPath, nextStartArgs(port), {
          env: { ...env, WORKER_MODE: 'off' },
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true,
        }),
        `app:${port}`,
      ),
    );
  }
  await Promise.all(PORTS.map((p) => waitHealthy(`http://localhost:${p}`)));
  children.push(
    capture(
      spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      }),
      'worker',
    ),
  );
});

test.afterAll(async ({}, testInfo) => {
  testInfo.setTimeout(60_000);
  // Each child leads its own process group: stop everything it started.
  await Promise.all(children.map((child) => stopProcessGroup(child, 10_000)));
  if (!dbName) return;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
});

test('an invite created on one server is accepted on the other; each email is delivered once', async ({
  browser,
}) => {
  const [a, b] = PORTS.map((p) => `http://localhost:${p}`);
  const clientContext = await browser.newContext({ baseURL: a });
  const client = await clientContext.newPage();
  const clientEmail = uniqueEmail('scale-client');
  const freelancerEmail = uniqueEmail('scale-freelancer');
  await signUpAsClient(client, { email: clientEmail, name: 'Dana Lee', workspace: 'Scale Co' });

  // The session made on server A works on server B.
  await client.goto(`${b}/client`);
  await expect(client.getByRole('heading', { name: 'Scale Co' })).toBeVisible();

  await sendHourlyInvite(client, {
    email: freelancerEmail,
    firstName: 'Alex',
    lastName: 'Kim',
    title: 'Scaled work',
    rate: '40',
    weeklyLimit: '10',
  });
  const link = await inviteLinkFromMail(client, freelancerEmail, /invited you to work together/);
  const onB = link.replace(a, b);
  const freelancerContext = await browser.newContext({ baseURL: b });
  const freelancer = await freelancerContext.newPage();
  await freelancer.goto(onB);
  await freelancer.getByRole('button', { name: 'Accept the invitation' }).click();
  await expect(freelancer.getByRole('heading', { name: 'Welcome, Alex' })).toBeVisible();

  const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
  try {
    await expect(async () => {
      const [{ pending }] =
        await sql`select count(*)::int as pending from email_outbox where status <> 'sent'`;
      expect(pending).toBe(0);
    }).toPass({ timeout: 30_000 });
    const perMessage =
      await sql`select o.id, count(m.id)::int as copies from email_outbox o left join mailbox_message m on m.outbox_id = o.id group by o.id`;
    expect(perMessage.length).toBeGreaterThanOrEqual(2); // the client's sign-in link and the invitation
    for (const row of perMessage) expect(row.copies).toBe(1);
    const [invite] = await sql`select status from invite where email = ${freelancerEmail}`;
    expect(invite.status).toBe('joined');
  } finally {
    await sql.end();
  }
  await clientContext.close();
  await freelancerContext.close();
});
