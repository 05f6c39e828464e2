import { z } from 'zod';
import { offerSchema } from '@/lib/invites/schemas';

export const DECLINE_REASON_MAX = 1000;

/** The list page's query: unknown values fall back to the defaults instead of failing. */
export const proposalListQuerySchema = z.object({
  tab: z.enum(['all', 'shortlisted', 'archived']).catch('all'),
  sort: z.enum(['relevance', 'newest']).catch('relevance'),
});

export const moveProposalSchema = z.object({
  proposalId: z.uuid('Unknown proposal.'),
  move: z.enum(['shortlist', 'archive', 'unarchive'], {
    error: 'Choose shortlist, archive or unarchive.',
  }),
});

export const declineProposalSchema = z.object({
  proposalId: z.uuid('Unknown proposal.'),
  reason: z
    .string()
    .max(
      DECLINE_REASON_MAX,
      `Keep the reason to ${DECLINE_REASON_MAX.toLocaleString('en-US')} characters or fewer.`,
    )
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : undefined)),
});

/** The invite's offer schema, aimed at a proposal instead of an email address. */
export const offerFromProposalSchema = z.object({
  proposalId: z.uuid('Unknown proposal.'),
  offer: offerSchema,
});
