import { z } from 'zod';

export const MESSAGE_MAX_LENGTH = 5000;

/** One message posted to a thread the caller is a party of (checked by the service). */
export const postMessageSchema = z.object({
  threadId: z.uuid({ error: 'This conversation was not found.' }),
  body: z
    .string()
    .trim()
    .min(1, { error: 'Write a message.' })
    .max(MESSAGE_MAX_LENGTH, { error: `Keep a message to ${MESSAGE_MAX_LENGTH} characters.` }),
});
export type PostMessageInput = z.output<typeof postMessageSchema>;
