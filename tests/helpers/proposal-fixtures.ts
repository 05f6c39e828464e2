import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobPostInvitations } from '@/db/schema';
import { proposalSchema, type ProposalData, type ProposalInput } from '@/lib/proposals/schemas';

export async function inviteToJob(db: Db, jobPostId: string, freelancerId: string) {
  await db.insert(jobPostInvitations).values({ jobPostId, freelancerId });
}

export function parseProposal(input: Partial<ProposalInput> & { jobPostId: string }): ProposalData {
  const result = proposalSchema.safeParse({
    coverLetter: 'I have built React dashboards for five years.',
    answers: ['Line and bar charts.', 'Next Monday.'],
    bidShape: 'hourly',
    hourlyRateDollars: '45',
    estimatedDuration: '1_to_3_months',
    ...input,
  });
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

/** Moves a proposal's submitted_at back, for the rolling daily cap. */
export async function ageProposals(db: Db, freelancerId: string, hours: number) {
  await db.execute(
    sql`update proposal set submitted_at = submitted_at - make_interval(hours => ${hours}) where freelancer_id = ${freelancerId}`,
  );
}
