import type { proposals } from '@/db/schema';
import { formatMoney } from '@/lib/money/money';

type Proposal = typeof proposals.$inferSelect;

/** The status as the client reads it. */
export const CLIENT_STATUS_LABELS: Record<Proposal['status'], string> = {
  submitted: 'New',
  shortlisted: 'Shortlisted',
  archived: 'Archived',
  declined: 'Declined',
  withdrawn: 'Withdrawn by the freelancer',
  offered: 'Offer sent',
};

/** "$45.00 an hour", "$1,000.00 for the whole project" or "$1,000.50 in 2 milestones". */
export function bidText(p: Proposal): string {
  if (p.bidShape === 'hourly') return `${formatMoney(p.hourlyRateCents ?? 0, p.currency)} an hour`;
  const total = formatMoney(p.bidCents ?? 0, p.currency);
  if (p.bidShape === 'project') return `${total} for the whole project`;
  const n = p.milestones.length;
  return `${total} in ${n} milestone${n === 1 ? '' : 's'}`;
}

/** The job's skills the freelancer's profile lists too (case-insensitive), as the job spells them. */
export function skillsInCommon(jobSkills: string[], profileSkills: string[] | null): string[] {
  const theirs = new Set((profileSkills ?? []).map((s) => s.toLowerCase()));
  return jobSkills.filter((s) => theirs.has(s.toLowerCase()));
}

/** The start of a text for a list, cut at a word where it can be. */
export function excerpt(text: string, max = 240): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** "Alex Kim", or a stand-in when the freelancer has no name on file yet. */
export function freelancerName(first: string | null, last: string | null): string {
  return [first, last].filter(Boolean).join(' ') || 'A freelancer';
}
