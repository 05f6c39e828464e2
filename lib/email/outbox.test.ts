import { createElement } from 'react';
import { eq, sql } from 'drizzle-orm';
import { emailOutbox, mailboxMessages } from '@/db/schema';
import SignInEmail from '@/emails/sign-in';
import { startDatabaseAndStandIn } from '@/tests/helpers/worker-stand-in';
import { deliverOutboxMessage, sendEmail } from './outbox';
import { mailboxTransport, resendTransport } from './transport';

const files = startDatabaseAndStandIn();

const message = (to: string) => ({
  to,
  subject: 'Your Workbridge sign-in link',
  template: 'sign-in',
  containsSecret: true,
  element: createElement(SignInEmail, {
    url: 'http://localhost:3000/sign-in/confirm?token=SECRET-TOKEN&email=x',
    expiresAt: new Date(),
  }),
});

async function enqueue(to: string): Promise<string> {
  return files.database.db.transaction((tx) => sendEmail(tx, message(to)));
}

async function outboxRow(id: string) {
  const [row] = await files.database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row;
}

async function jobCount(outboxId: string): Promise<number> {
  const { rows } = await files.database.executeSql(
    `select count(*)::int as n from pgboss.job where name = 'email-deliver' and data->>'outboxId' = $1`,
    [outboxId],
  );
  return Number(rows[0].n);
}

describe('sendEmail', () => {
  it('writes the rendered message and its delivery job in the caller transaction', async () => {
    const id = await enqueue('a@example.com');
    const row = await outboxRow(id);
    expect(row.status).toBe('queued');
    expect(row.html).toContain('SECRET-TOKEN');
    expect(row.text).toContain('Sign in to Workbridge');
    expect(await jobCount(id)).toBe(1);
  });

  it('writes nothing when the transaction rolls back', async () => {
    let id = '';
    await expect(
      files.database.db.transaction(async (tx) => {
        id = await sendEmail(tx, message('rollback@example.com'));
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    expect(await outboxRow(id)).toBeUndefined();
    expect(await jobCount(id)).toBe(0);
  });
});

describe('deliverOutboxMessage', () => {
  it('delivers to the local mailbox once, however often the job runs', async () => {
    const id = await enqueue('b@example.com');
    const transport = mailboxTransport(files.database.db);
    expect(await deliverOutboxMessage(files.database.db, id, transport)).toEqual({
      status: 'sent',
    });
    expect(await deliverOutboxMessage(files.database.db, id, transport)).toEqual({
      status: 'already-done',
    });
    const inbox = await files.database.db
      .select()
      .from(mailboxMessages)
      .where(eq(mailboxMessages.outboxId, id));
    expect(inbox).toHaveLength(1);
    expect(inbox[0].html).toContain('SECRET-TOKEN');
  });

  it('wipes bodies that carry a token once delivered', async () => {
    const id = await enqueue('c@example.com');
    await deliverOutboxMessage(files.database.db, id, mailboxTransport(files.database.db));
    const row = await outboxRow(id);
    expect(row.status).toBe('sent');
    expect(row.html).toBeNull();
    expect(row.text).toBeNull();
  });

  it('retries after a Resend failure with the same idempotency key, then sends', async () => {
    const id = await enqueue('d@example.com');
    const transport = resendTransport('re_test_key', files.standIn.baseUrl);
    files.standIn.queue('error-500', 'error-429');
    expect((await deliverOutboxMessage(files.database.db, id, transport, 5)).status).toBe('retry');
    expect((await deliverOutboxMessage(files.database.db, id, transport, 5)).status).toBe('retry');
    expect((await outboxRow(id)).lastError).toMatch(/rate_limit_exceeded|Too many/);
    expect(await deliverOutboxMessage(files.database.db, id, transport, 5)).toEqual({
      status: 'sent',
    });

    const forThis = files.standIn.requests.filter(
      (r) => r.body.to === 'd@example.com' || r.body.to[0] === 'd@example.com',
    );
    expect(forThis).toHaveLength(3);
    expect(new Set(forThis.map((r) => r.idempotencyKey))).toEqual(new Set([id]));
    expect(forThis[0].authorization).toBe('Bearer re_test_key');
    const row = await outboxRow(id);
    expect(row.attempts).toBe(3);
    expect(row.providerMessageId).toBe(files.standIn.delivered.get(id));
  });

  it('marks the message failed after the last attempt', async () => {
    const id = await enqueue('e@example.com');
    const transport = resendTransport('re_test_key', files.standIn.baseUrl);
    files.standIn.queue('error-500', 'error-500', 'error-500');
    expect((await deliverOutboxMessage(files.database.db, id, transport, 3)).status).toBe('retry');
    expect((await deliverOutboxMessage(files.database.db, id, transport, 3)).status).toBe('retry');
    expect((await deliverOutboxMessage(files.database.db, id, transport, 3)).status).toBe('failed');
    const row = await outboxRow(id);
    expect(row.status).toBe('failed');
    expect(row.failedAt).toBeInstanceOf(Date);
    expect(row.lastError).toMatch(/Resend is down/);
    // A failed message is not tried again by a late job.
    expect(await deliverOutboxMessage(files.database.db, id, transport, 3)).toEqual({
      status: 'already-done',
    });
    expect(files.standIn.delivered.has(id)).toBe(false);
  });

  it('keeps only queued, sending, sent and failed as states', async () => {
    await expect(
      files.database.db.execute(sql`update email_outbox set status = 'sent', sent_at = null`),
    ).rejects.toThrow();
  });
});
