import { z } from 'zod';

/** Limits of a submission, in a module without Node imports so the form can show them. */
export const MAX_SUBMISSION_LINKS = 10;
export const MAX_MESSAGE_LENGTH = 5000;

const ids = {
  contractId: z.uuid({ error: 'This contract link is not valid.' }),
  milestoneId: z.uuid({ error: 'This milestone link is not valid.' }),
};

const message = (required: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, required)
    .max(MAX_MESSAGE_LENGTH, `Keep the message under ${MAX_MESSAGE_LENGTH} characters.`);

/** One https address a line (or separated by spaces), at most ten. */
export const linksSchema = z
  .string()
  .default('')
  .transform((raw, ctx) => {
    const given = raw
      .split(/\s+/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (given.length > MAX_SUBMISSION_LINKS) {
      ctx.addIssue({
        code: 'custom',
        message: `Add at most ${MAX_SUBMISSION_LINKS} links; you gave ${given.length}.`,
      });
      return z.NEVER;
    }
    const bad = given.filter((l) => !isHttpsUrl(l));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `Links must be full https:// addresses: ${bad.map((b) => b.slice(0, 60)).join(', ')}`,
      });
      return z.NEVER;
    }
    return [...new Set(given)];
  });

function isHttpsUrl(value: string): boolean {
  if (value.length > 2000) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const submissionSchema = z.object({
  ...ids,
  message: message('Describe the work you are submitting.'),
  links: linksSchema,
});
export type SubmissionInput = z.infer<typeof submissionSchema>;

export const milestoneRefSchema = z.object(ids);

export const requestChangesSchema = z.object({
  ...ids,
  message: message('Say what should change, so the freelancer can resubmit.'),
});

export const releaseNowSchema = z.object({
  ...ids,
  confirm: z.literal('on', { error: 'Tick the box to confirm the release.' }),
});

export const refundRequestSchema = z.object({
  ...ids,
  message: message('Say why you are asking for the money back.'),
});

export const refundAnswerSchema = z.object({
  ...ids,
  answer: z.enum(['agree', 'refuse'], { error: 'Choose whether you agree to the refund.' }),
  message: z.string().trim().max(MAX_MESSAGE_LENGTH).default(''),
});

export const refundDecisionSchema = z.object({
  ...ids,
  decision: z.enum(['refund', 'release'], { error: 'Choose refund or release.' }),
  note: message('Write down why, for both sides and the audit log.'),
});
