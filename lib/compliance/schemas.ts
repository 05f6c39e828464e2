import { z } from 'zod';

const checkId = z.uuid({ error: 'This check could not be loaded. Reload the page.' });

export const approveSchema = z.object({ checkId });

export const REJECTION_REASON_MAX = 1000;

export const rejectSchema = z.object({
  checkId,
  reason: z
    .string({ error: 'Tell the freelancer why the check is rejected.' })
    .trim()
    .min(5, 'Tell the freelancer why the check is rejected, in at least 5 characters.')
    .max(
      REJECTION_REASON_MAX,
      `Keep the reason under ${REJECTION_REASON_MAX.toLocaleString('en-US')} characters.`,
    ),
});

export type RejectInput = z.infer<typeof rejectSchema>;
