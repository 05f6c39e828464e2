import { z } from 'zod';

export const MESSAGE_MAX_LENGTH = 5000;

const NOT_FOUND = { error: 'This conversation was not found.' };

const body = z
  .string()
  .trim()
  .min(1, { error: 'Write a message.' })
  .max(MESSAGE_MAX_LENGTH, { error: `Keep a message to ${MESSAGE_MAX_LENGTH} characters.` });

/** One message posted to a thread the caller is a party of (checked by the service). */
export const postMessageSchema = z.object({ threadId: z.uuid(NOT_FOUND), body });
export type PostMessageInput = z.output<typeof postMessageSchema>;

/** The first message of a proposal's or contract's conversation (parties checked by the service). */
export const startThreadSchema = z.object({
  subject: z.enum(['proposal', 'contract'], NOT_FOUND),
  subjectId: z.uuid(NOT_FOUND),
  body,
});
export type StartThreadInput = z.output<typeof startThreadSchema>;
