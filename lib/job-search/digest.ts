import { and, asc, eq, lte } from 'drizzle-orm';
import { createElement } from 'react';
import type { Db } from '@/db/client';
import { savedSearches, users } from '@/db/schema';
import SavedSearchDigestEmail, { savedSearchDigestSubject } from '@/emails/saved-search-digest';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import { formatMoney } from '@/lib/money/money';
import { paramsOfSaved, savedSearchHref } from './saved';
import { searchJobPosts, type JobSearchHit } from './search';

const DAY_MS = 24 * 3600_000;
const BATCH = 50;
/** Posts listed in one email; the button leads to the rest. */
const LISTED = 10;

export const DIGEST_TEMPLATE = 'saved-search-digest';

function budgetOf(hit: JobSearchHit): string {
  return hit.budgetKind === 'fixed'
    ? `Fixed price ${formatMoney(hit.fixedBudgetCents ?? 0)}`
    : `Hourly ${formatMoney(hit.hourlyMinCents ?? 0)}–${formatMoney(hit.hourlyMaxCents ?? 0)}`;
}

/**
 * The daily digest (a tick step): each saved search whose last digest is a day old or more
 * gets one email of the posts opened since then, if any, and its last_digest_at moves to `at`
 * in the same transaction (so a second tick, or a second worker, sends nothing more).
 */
export async function sendSavedSearchDigests(db: Db, at: Date): Promise<number> {
  const due = await db
    .select({ id: savedSearches.id })
    .from(savedSearches)
    .where(lte(savedSearches.lastDigestAt, new Date(at.getTime() - DAY_MS)))
    .orderBy(asc(savedSearches.lastDigestAt))
    .limit(BATCH);
  let sent = 0;
  for (const { id } of due) {
    sent += await db.transaction(async (tx) => {
      // Locked and checked again: another worker may have just sent this one.
      const [row] = await tx
        .select()
        .from(savedSearches)
        .where(
          and(
            eq(savedSearches.id, id),
            lte(savedSearches.lastDigestAt, new Date(at.getTime() - DAY_MS)),
          ),
        )
        .for('update', { skipLocked: true });
      if (!row) return 0;
      const found = await searchJobPosts(
        tx,
        { userId: row.freelancerId },
        { ...paramsOfSaved(row), sort: 'newest', cursor: undefined },
        { openedAfter: row.lastDigestAt, pageSize: 100 },
      );
      const fresh = found.hits.filter((h) => h.openedAt <= at);
      await tx.update(savedSearches).set({ lastDigestAt: at }).where(eq(savedSearches.id, id));
      if (fresh.length === 0) return 0;
      const [user] = await tx
        .select({ email: users.email })
        .from(users)
        .where(eq(users.id, row.freelancerId));
      const origin = getEnv().APP_URL;
      await sendEmail(tx, {
        to: user.email,
        subject: savedSearchDigestSubject(row.name, fresh.length),
        template: DIGEST_TEMPLATE,
        lane: 'bulk',
        element: createElement(SavedSearchDigestEmail, {
          searchName: row.name,
          total: fresh.length,
          posts: fresh.slice(0, LISTED).map((h) => ({
            title: h.title,
            budget: budgetOf(h),
            url: new URL(`/jobs/${h.id}`, origin).toString(),
          })),
          searchUrl: new URL(savedSearchHref(row), origin).toString(),
        }),
      });
      return 1;
    });
  }
  return sent;
}
