import { enqueueRenderedEmails } from '@/lib/email/outbox';
import { enqueueSignInEmail, findOutboxRow } from '@/tests/helpers/outbox';
import { startWorkerAgainstStandIn } from '@/tests/helpers/worker-stand-in';

/**
 * Delivery through the real pg-boss worker against the Resend stand-in: pg-boss, not the
 * test, retries a failed attempt (with the queue's backoff) and stops after
 * EMAIL_MAX_ATTEMPTS tries. Two attempts and a one-second delay keep it quick: pg-boss 10
 * waits delay × (1 + random) before the first retry and fetches once a second.
 */
const SETTINGS = {
  EMAIL_TRANSPORT: 'resend',
  RESEND_API_KEY: 're_test_key',
  EMAIL_MAX_ATTEMPTS: '2',
  EMAIL_RETRY_DELAY_SECONDS: '1',
};
const worker = startWorkerAgainstStandIn(SETTINGS);

const enqueue = (to: string) => enqueueSignInEmail(worker.database.db, to);

const outboxRow = (id: string) => findOutboxRow(worker.database.db, id);

/** The delivery job of a message, once pg-boss has recorded how its last try ended. */
async function deliveryJob(outboxId: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { rows } = await worker.database.executeSql(
      `select state, retry_count, retry_limit, retry_delay, retry_backoff
         from pgboss.job where name = 'email-deliver' and data->>'outboxId' = $1`,
      [outboxId],
    );
    // The handler settles the message before pg-boss marks the job completed.
    if (rows[0].state !== 'active' || Date.now() > deadline) return rows[0];
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the message leaves queued/sending (or the time is up) and returns its row. */
async function settled(id: string, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  let row = await outboxRow(id);
  while (Date.now() < deadline && (row.status === 'queued' || row.status === 'sending')) {
    await new Promise((r) => setTimeout(r, 200));
    row = await outboxRow(id);
  }
  return row;
}

const requestsTo = (to: string) =>
  worker.standIn.requests.filter((r) => r.body.to === to || r.body.to[0] === to);

describe('outbox delivery through the pg-boss worker', () => {
  it('retries a failed send with the same idempotency key, then marks it sent', async () => {
    worker.standIn.queueFor('flaky@example.com', 'error-500');
    const id = await enqueue('flaky@example.com');

    const row = await settled(id);
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(2);
    expect(row.lastError).toBeNull();
    const requests = requestsTo('flaky@example.com');
    expect(requests).toHaveLength(2);
    expect(requests.map((r) => r.idempotencyKey)).toEqual([id, id]);
    expect(row.providerMessageId).toBe(worker.standIn.delivered.get(id));
    // pg-boss ran the second try as a retry of the same job, on the queue's backoff.
    expect(await deliveryJob(id)).toMatchObject({
      state: 'completed',
      retry_count: 1,
      retry_limit: 1,
      retry_delay: 1,
      retry_backoff: true,
    });
  });

  it('retries a failed bulk batch whole, under the same key, then marks every message sent', async () => {
    worker.standIn.queueFor('bulk-flaky-0@example.com', 'error-500');
    const ids = await worker.database.db.transaction((tx) =>
      enqueueRenderedEmails(
        tx,
        ['bulk-flaky-0@example.com', 'bulk-flaky-1@example.com'].map((to) => ({
          to,
          subject: 'An invitation',
          template: 'invitation',
          html: '<p>Join</p>',
          text: 'Join',
        })),
        'bulk',
      ),
    );
    const rows = await Promise.all(ids.map((id) => settled(id)));
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);
    const requests = worker.standIn.batches.filter(
      (b) => b.body[0].to === 'bulk-flaky-0@example.com',
    );
    expect(requests).toHaveLength(2);
    expect(new Set(requests.map((r) => r.idempotencyKey)).size).toBe(1);
    for (const row of rows)
      expect(row.providerMessageId).toBe(worker.standIn.delivered.get(row.id));
  });

  it('marks a message failed after EMAIL_MAX_ATTEMPTS failed sends, and sends no more', async () => {
    worker.standIn.queueFor('down@example.com', 'error-500', 'error-500', 'error-500');
    const id = await enqueue('down@example.com');

    const row = await settled(id);
    expect(row.status).toBe('failed');
    expect(row.failedAt).toBeInstanceOf(Date);
    expect(row.attempts).toBe(2);
    expect(row.lastError).toMatch(/Resend is down/);
    expect(requestsTo('down@example.com')).toHaveLength(2);
    expect(worker.standIn.delivered.has(id)).toBe(false);
    // The last try settled the message itself: pg-boss holds no retry that could send it.
    expect(await deliveryJob(id)).toMatchObject({ state: 'completed', retry_count: 1 });
  });

  it('marks a message failed when every try throws before it is counted', async () => {
    // A database error at the claim: the attempt never reaches the outbox row.
    await worker.database.executeSql(`
      create function refuse_claim() returns trigger language plpgsql as $$
      begin
        if new.status = 'sending' and new.to_address = 'db-error@example.com' then
          raise exception 'the database refused the claim';
        end if;
        return new;
      end $$;
      create trigger refuse_claim before update on email_outbox
        for each row execute function refuse_claim();
    `);
    const id = await enqueue('db-error@example.com');

    const row = await settled(id);
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(0);
    expect(row.failedAt).toBeInstanceOf(Date);
    // The cause, not the failed statement with its parameters.
    expect(row.lastError).toBe('the database refused the claim');
    expect(requestsTo('db-error@example.com')).toHaveLength(0);
    // pg-boss tried exactly EMAIL_MAX_ATTEMPTS times before giving up.
    expect(await deliveryJob(id)).toMatchObject({ state: 'failed', retry_count: 1 });
  });
});
