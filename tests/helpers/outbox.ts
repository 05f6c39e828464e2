import { createElement } from 'react';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx, SqlExecutor } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import SignInEmail from '@/emails/sign-in';
import { sendEmail } from '@/lib/email/outbox';

/** Queues one sign-in email to `to` through the real outbox; returns its outbox id. */
export function enqueueSignInEmail(db: Db, to: string): Promise<string> {
  return db.transaction((tx) =>
    sendEmail(tx, {
      to,
      subject: 'Your Workbridge sign-in link',
      template: 'sign-in',
      element: createElement(SignInEmail, {
        url: 'http://localhost:3000/x',
        expiresAt: new Date(),
      }),
    }),
  );
}

/** The outbox row of a message, as delivery left it. */
export async function findOutboxRow(db: DbOrTx, id: string) {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row;
}

/** How many delivery jobs, in either lane, carry the message (one, once it is queued). */
export async function countDeliveryJobs(database: SqlExecutor, outboxId: string): Promise<number> {
  const { rows } = await database.executeSql(
    `select count(*)::int as n from pgboss.job
      where (name = 'email-deliver' and data->>'outboxId' = $1)
         or (name = 'email-deliver-bulk' and data->'outboxIds' ? $1)`,
    [outboxId],
  );
  return Number(rows[0].n);
}
