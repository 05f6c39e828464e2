import { z } from 'zod';
import { parseDollarsToCents } from '@/lib/money/money';

export const PROPOSAL_LIMITS = {
  coverLetter: 5000,
  answer: 2000,
  milestones: 10,
  milestoneDescription: 500,
  minRateCents: 300,
  maxRateCents: 99_999,
  minBidCents: 500,
  maxBidCents: 100_000_000,
};

const dollars = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      const cents = parseDollarsToCents(value);
      if (cents === null || cents < min || cents > max) {
        ctx.addIssue({
          code: 'custom',
          message: `${label} must be between $${(min / 100).toFixed(2)} and $${(max / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}.`,
        });
        return z.NEVER;
      }
      return cents;
    });

function isBlankRow(row: unknown): boolean {
  if (!row || typeof row !== 'object') return true;
  return Object.values(row).every((v) => typeof v !== 'string' || v.trim() === '');
}

export const ESTIMATED_DURATIONS = [
  'under_1_month',
  '1_to_3_months',
  '3_to_6_months',
  'over_6_months',
] as const;

/** What the freelancer typed; the job decides which bid fields apply (see checkBid). */
export const proposalSchema = z.object({
  jobPostId: z.uuid(),
  coverLetter: z
    .string()
    .trim()
    .min(1, 'Write a cover letter.')
    .max(PROPOSAL_LIMITS.coverLetter, `Keep the cover letter to 5,000 characters.`),
  answers: z
    .array(
      z
        .string()
        .trim()
        .min(1, 'Answer this question.')
        .max(PROPOSAL_LIMITS.answer, 'Keep each answer to 2,000 characters.'),
    )
    .max(5)
    .default([]),
  bidShape: z.enum(['hourly', 'project', 'milestones']),
  hourlyRateDollars: z.string().optional(),
  bidDollars: z.string().optional(),
  milestones: z.preprocess(
    // Rows left completely blank (the spare rows of the no-JavaScript form) are dropped.
    (v) => (Array.isArray(v) ? v.filter((m) => !isBlankRow(m)) : v),
    z
      .array(
        z.object({
          description: z
            .string()
            .trim()
            .min(1, 'Describe this milestone.')
            .max(PROPOSAL_LIMITS.milestoneDescription, 'Keep it to 500 characters.'),
          amountDollars: dollars('Each milestone', 100, PROPOSAL_LIMITS.maxBidCents),
        }),
      )
      .max(PROPOSAL_LIMITS.milestones, 'Up to 10 milestones.')
      .default([]),
  ),
  estimatedDuration: z.enum(ESTIMATED_DURATIONS, 'Choose an estimated duration.'),
});
export type ProposalInput = z.input<typeof proposalSchema>;
export type ProposalData = z.output<typeof proposalSchema>;

export type Bid =
  | { bidShape: 'hourly'; hourlyRateCents: number; bidCents: null; milestones: [] }
  | {
      bidShape: 'project' | 'milestones';
      hourlyRateCents: null;
      bidCents: number;
      milestones: { description: string; amountCents: number }[];
    };

export type FieldErrors = Record<string, string[]>;

const rate = dollars('The hourly rate', PROPOSAL_LIMITS.minRateCents, PROPOSAL_LIMITS.maxRateCents);
const bid = dollars('The bid', PROPOSAL_LIMITS.minBidCents, PROPOSAL_LIMITS.maxBidCents);

/** The bid the job's budget kind calls for: a rate for hourly jobs, a total or milestones for fixed. */
export function checkBid(
  kind: 'hourly' | 'fixed',
  input: ProposalData,
): { ok: true; bid: Bid } | { ok: false; fieldErrors: FieldErrors } {
  if (kind === 'hourly') {
    if (input.bidShape !== 'hourly')
      return { ok: false, fieldErrors: { bidShape: ['This job is paid by the hour.'] } };
    const r = rate.safeParse(input.hourlyRateDollars ?? '');
    if (!r.success)
      return { ok: false, fieldErrors: { hourlyRateDollars: [r.error.issues[0].message] } };
    return {
      ok: true,
      bid: { bidShape: 'hourly', hourlyRateCents: r.data, bidCents: null, milestones: [] },
    };
  }
  if (input.bidShape === 'hourly')
    return {
      ok: false,
      fieldErrors: {
        bidShape: ['This job has a fixed price: bid for the project or by milestones.'],
      },
    };
  if (input.bidShape === 'project') {
    const b = bid.safeParse(input.bidDollars ?? '');
    if (!b.success) return { ok: false, fieldErrors: { bidDollars: [b.error.issues[0].message] } };
    return {
      ok: true,
      bid: { bidShape: 'project', hourlyRateCents: null, bidCents: b.data, milestones: [] },
    };
  }
  if (input.milestones.length === 0)
    return { ok: false, fieldErrors: { milestones: ['Add at least one milestone.'] } };
  const milestones = input.milestones.map((m) => ({
    description: m.description,
    amountCents: m.amountDollars,
  }));
  const total = milestones.reduce((sum, m) => sum + m.amountCents, 0);
  if (total < PROPOSAL_LIMITS.minBidCents || total > PROPOSAL_LIMITS.maxBidCents)
    return {
      ok: false,
      fieldErrors: {
        milestones: ['The milestones must add up to between $5.00 and $1,000,000.00.'],
      },
    };
  return {
    ok: true,
    bid: { bidShape: 'milestones', hourlyRateCents: null, bidCents: total, milestones },
  };
}

/**
 * The rate or project bid checked alone, for a form that failed on other fields: which bid
 * the job takes is the service's to say, but a rate out of range shows with the rest.
 */
export function bidFieldErrors(formData: FormData): FieldErrors {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value : '';
  };
  const shape = formData.get('bidShape');
  const [name, parser] =
    shape === 'hourly'
      ? ['hourlyRateDollars', rate]
      : shape === 'project'
        ? ['bidDollars', bid]
        : [];
  if (!name || !parser) return {};
  const parsed = parser.safeParse(text(name));
  return parsed.success ? {} : { [name]: [parsed.error.issues[0].message] };
}

export const declineSchema = z.object({
  proposalId: z.uuid(),
  reason: z.string().trim().max(1000, 'Keep the reason to 1,000 characters.').optional(),
});

export const withdrawSchema = z.object({ proposalId: z.uuid() });
