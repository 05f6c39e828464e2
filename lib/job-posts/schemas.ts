import { z } from 'zod';
import {
  experienceLevelEnum,
  jobDurationEnum,
  jobVisibilityEnum,
  jobWorkloadEnum,
} from '@/db/schema';
import { parseDollarsToCents } from '@/lib/money/money';

/** The job post's limits (SPEC 5); the database's check constraints hold the same numbers. */
export const JOB_LIMITS = {
  title: 120,
  description: 10_000,
  skillsMax: 15,
  skillLength: 40,
  questionsMax: 5,
  questionLength: 500,
  inviteesMax: 50,
  hourlyMinCents: 300,
  hourlyMaxCents: 99_999,
  fixedMinCents: 500,
  fixedMaxCents: 100_000_000,
} as const;

const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(max, `Keep the ${label} to ${max.toLocaleString('en-US')} characters or fewer.`)
    .refine((v) => !CONTROL_CHARS.test(v), `The ${label} contains characters we can't show.`);

/** A list typed in one box ("React, TypeScript") or sent as an array: trimmed, blanks dropped. */
const listOf = (split: RegExp) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      (Array.isArray(v) ? v : (v ?? '').split(split)).map((s) => s.trim()).filter(Boolean),
    );

/** Skills in the client's order, the first spelling kept when two differ only in case. */
export function dedupeSkills(skills: string[]): string[] {
  const seen = new Set<string>();
  return skills.filter((s) => {
    const key = s.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const skillsSchema = listOf(/[,\n]/)
  .transform(dedupeSkills)
  .superRefine((skills, ctx) => {
    if (skills.length === 0) ctx.addIssue({ code: 'custom', message: 'Add at least one skill.' });
    if (skills.length > JOB_LIMITS.skillsMax)
      ctx.addIssue({
        code: 'custom',
        message: `List at most ${JOB_LIMITS.skillsMax} skills (you listed ${skills.length}).`,
      });
    const long = skills.find((s) => s.length > JOB_LIMITS.skillLength);
    if (long)
      ctx.addIssue({
        code: 'custom',
        message: `Keep each skill to ${JOB_LIMITS.skillLength} characters or fewer (“${long.slice(0, 20)}…” is longer).`,
      });
    if (skills.some((s) => CONTROL_CHARS.test(s)))
      ctx.addIssue({ code: 'custom', message: "A skill contains characters we can't show." });
  });

const questionsSchema = listOf(/\n/).superRefine((questions, ctx) => {
  if (questions.length > JOB_LIMITS.questionsMax)
    ctx.addIssue({
      code: 'custom',
      message: `Ask at most ${JOB_LIMITS.questionsMax} screening questions.`,
    });
  if (questions.some((q) => q.length > JOB_LIMITS.questionLength))
    ctx.addIssue({
      code: 'custom',
      message: `Keep each question to ${JOB_LIMITS.questionLength} characters or fewer.`,
    });
  if (questions.some((q) => CONTROL_CHARS.test(q)))
    ctx.addIssue({ code: 'custom', message: "A question contains characters we can't show." });
});

/** Dollars typed in a box; blank is null so the budget rules can say which one is missing. */
const optionalDollars = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const trimmed = (v ?? '').trim();
    if (trimmed === '') return null;
    const cents = parseDollarsToCents(trimmed);
    if (cents === null) {
      ctx.addIssue({ code: 'custom', message: 'Enter an amount in dollars, like 45 or 45.50.' });
      return z.NEVER;
    }
    return cents;
  });

const choice = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values, { error: message });

const postShape = {
  title: text('title', JOB_LIMITS.title),
  description: text('description', JOB_LIMITS.description),
  skills: skillsSchema,
  budgetKind: choice(['hourly', 'fixed'], 'Choose an hourly rate range or a fixed budget.'),
  hourlyMinDollars: optionalDollars,
  hourlyMaxDollars: optionalDollars,
  fixedBudgetDollars: optionalDollars,
  experience: choice(experienceLevelEnum.enumValues, 'Choose the experience level.'),
  duration: choice(jobDurationEnum.enumValues, 'Choose the expected duration.'),
  workload: choice(jobWorkloadEnum.enumValues, 'Choose the weekly workload.'),
  visibility: choice(jobVisibilityEnum.enumValues, 'Choose who can see the post.').default(
    'public',
  ),
  questions: questionsSchema,
};

type PostFields = z.output<z.ZodObject<typeof postShape>>;

/** The budget's rules, each error next to its field. */
function checkBudget(v: PostFields, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message });
  if (v.budgetKind === 'hourly') {
    const { hourlyMinDollars: min, hourlyMaxDollars: max } = v;
    const inRange = (c: number) => c >= JOB_LIMITS.hourlyMinCents && c <= JOB_LIMITS.hourlyMaxCents;
    const range = 'between $3.00 and $999.99 an hour';
    if (min === null) issue('hourlyMinDollars', 'Enter the lowest hourly rate.');
    else if (!inRange(min)) issue('hourlyMinDollars', `The lowest rate must be ${range}.`);
    if (max === null) issue('hourlyMaxDollars', 'Enter the highest hourly rate.');
    else if (!inRange(max)) issue('hourlyMaxDollars', `The highest rate must be ${range}.`);
    else if (min !== null && inRange(min) && min > max)
      issue('hourlyMaxDollars', 'The highest rate must be at least the lowest rate.');
  }
  if (v.budgetKind === 'fixed') {
    const cents = v.fixedBudgetDollars;
    if (cents === null) issue('fixedBudgetDollars', 'Enter the fixed budget.');
    else if (cents < JOB_LIMITS.fixedMinCents || cents > JOB_LIMITS.fixedMaxCents)
      issue('fixedBudgetDollars', 'The fixed budget must be between $5 and $1,000,000.');
  }
}

/** Dollars to cents, and only the budget kind's amounts kept. */
function toColumns<T extends PostFields>({
  hourlyMinDollars,
  hourlyMaxDollars,
  fixedBudgetDollars,
  ...post
}: T) {
  return {
    ...post,
    hourlyMinCents: post.budgetKind === 'hourly' ? hourlyMinDollars : null,
    hourlyMaxCents: post.budgetKind === 'hourly' ? hourlyMaxDollars : null,
    fixedBudgetCents: post.budgetKind === 'fixed' ? fixedBudgetDollars : null,
  };
}

export const jobPostSchema = z.object(postShape).superRefine(checkBudget).transform(toColumns);

export type JobPostInput = z.input<typeof jobPostSchema>;
export type JobPostData = z.output<typeof jobPostSchema>;

/** The invite-only list: emails, one a line or separated by commas, lower-cased once here. */
export const inviteesSchema = listOf(/[,\n\s]+/)
  .transform((emails) => [...new Set(emails.map((e) => e.toLowerCase()))])
  .superRefine((emails, ctx) => {
    if (emails.length > JOB_LIMITS.inviteesMax)
      ctx.addIssue({
        code: 'custom',
        message: `Invite at most ${JOB_LIMITS.inviteesMax} freelancers to one post.`,
      });
    const bad = emails.find((e) => !z.email().safeParse(e).success);
    if (bad)
      ctx.addIssue({ code: 'custom', message: `“${bad.slice(0, 60)}” is not an email address.` });
  });

/**
 * The forms of the create and edit actions: the post's fields and the action's own in one
 * object, so every field error comes back at once and the tests can read the declared fields.
 */
export const createJobPostFormSchema = z
  .object({
    ...postShape,
    invitees: inviteesSchema,
    intent: z.enum(['draft', 'publish']).default('publish'),
  })
  .superRefine(checkBudget)
  .transform(toColumns);

export const editJobPostFormSchema = z
  .object({ ...postShape, invitees: inviteesSchema, jobPostId: z.uuid() })
  .superRefine(checkBudget)
  .transform(toColumns);

export const closeReasonSchema = z.enum(['hired', 'not_hired'], {
  error: 'Say whether you hired someone for this job.',
});
