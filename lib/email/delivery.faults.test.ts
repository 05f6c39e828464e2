import { eq } from 'drizzle-orm';
import { emailOutbox } from '@/db/schema';
import { enqueueSignInEmail, findOutboxRow } from '@/tests/helpers/outbox';
import { startDatabaseAndStandIn } from '@/tests/helpers/worker-stand-in';
import { deliverOutboxMessage } from './outbox';
import { resendTransport } from './transport';

const files = startDatabaseAndStandIn();

const enqueue = (to: string) => enqueueSignInEmail(files.database.db, to);

const status = (id: string) => findOutboxRow(files.database.db, id);

describe('email delivery faults', () => {
  it('a provider that times out is retried, and the message goes out once it answers', async () => {
    const id = await enqueue('timeout@example.com');
    const transport = resendTransport('re_test', files.standIn.baseUrl, 300);
    files.standIn.queue('hang');
    const first = await deliverOutboxMessage(files.database.db, id, transport, 5);
    expect(first).toMatchObject({
      status: 'retry',
      error: expect.stringMatching(/did not answer within 300 ms/),
    });
    expect(await deliverOutboxMessage(files.database.db, id, transport, 5)).toEqual({
      status: 'sent',
    });
    // The hung request may still land at the provider: the idempotency key makes it one email.
    expect(files.standIn.delivered.has(id)).toBe(true);
    expect([...files.standIn.delivered.keys()].filter((k) => k === id)).toHaveLength(1);
  });

  it('a worker killed mid-send leaves the message "sending"; the retry delivers it exactly once', async () => {
    const id = await enqueue('killed@example.com');
    const transport = resendTransport('re_test', files.standIn.baseUrl);
    // The worker claimed the message and sent it, then died before recording the result.
    await files.database.db
      .update(emailOutbox)
      .set({ status: 'sending', attempts: 1 })
      .where(eq(emailOutbox.id, id));
    const row = await status(id);
    await transport.deliver({
      id,
      from: row.fromAddress,
      to: row.toAddress,
      subject: row.subject,
      html: row.html!,
      text: row.text!,
    });
    // pg-boss hands the expired job to another worker, which tries again with the same key.
    expect(await deliverOutboxMessage(files.database.db, id, transport, 5)).toEqual({
      status: 'sent',
    });
    const requests = files.standIn.requests.filter((r) => r.idempotencyKey === id);
    expect(requests).toHaveLength(2);
    expect([...files.standIn.delivered.keys()].filter((k) => k === id)).toHaveLength(1);
    expect((await status(id)).status).toBe('sent');
  });

  it('429 answers are retried like any failure and never mark the message sent', async () => {
    const id = await enqueue('busy@example.com');
    const transport = resendTransport('re_test', files.standIn.baseUrl);
    files.standIn.queue('error-429', 'error-429');
    expect((await deliverOutboxMessage(files.database.db, id, transport, 5)).status).toBe('retry');
    expect((await deliverOutboxMessage(files.database.db, id, transport, 5)).status).toBe('retry');
    expect((await status(id)).status).toBe('queued');
    expect(await deliverOutboxMessage(files.database.db, id, transport, 5)).toEqual({
      status: 'sent',
    });
  });
});
