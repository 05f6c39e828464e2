import type { Db } from '@/db/client';
import { proposals, savedSearches } from '@/db/schema';
import { now } from '@/lib/clock';

export async function insertSavedSearch(
  db: Db,
  freelancerId: string,
  values: { name: string; query?: string; filters?: Record<string, string> },
): Promise<string> {
  const [row] = await db
    .insert(savedSearches)
    .values({ freelancerId, lastVisitedAt: now(), lastDigestAt: now(), ...values })
    .returning({ id: savedSearches.id });
  return row.id;
}

/** A proposal in the given status (withdrawn and declined carry their dates, offered an invite). */
export async function insertProposal(
  db: Db,
  jobPostId: string,
  freelancerId: string,
  status: 'submitted' | 'shortlisted' | 'archived' | 'withdrawn' = 'submitted',
): Promise<string> {
  const [row] = await db
    .insert(proposals)
    .values({
      jobPostId,
      freelancerId,
      coverLetter: 'I have built three booking pages like this one.',
      bidShape: 'hourly',
      hourlyRateCents: 4_000,
      estimatedDuration: '1_to_3_months',
      status,
      withdrawnAt: status === 'withdrawn' ? now() : null,
      submittedAt: now(),
    })
    .returning({ id: proposals.id });
  return row.id;
}
