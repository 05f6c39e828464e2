import { z } from 'zod';

/** The longest ending message (the column's check says the same). */
export const MAX_END_MESSAGE_LENGTH = 2000;

/** The "End contract" confirmation form. */
export const endContractSchema = z.object({
  contractId: z.uuid({ error: 'This contract link is not valid.' }),
  message: z
    .string({ error: 'Tell the freelancer why the contract ends.' })
    .trim()
    .min(1, 'Tell the freelancer why the contract ends.')
    .max(
      MAX_END_MESSAGE_LENGTH,
      `Keep the message under ${MAX_END_MESSAGE_LENGTH.toLocaleString('en-US')} characters.`,
    ),
});
