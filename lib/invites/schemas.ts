import { z } from 'zod';
import { emailSchema } from '@/lib/accounts/schemas';
import { parseDollarsToCents } from '@/lib/money/money';

/**
 * One schema for the browser (react-hook-form) and the server action. Money is typed in
 * dollars under a name that says so (`hourlyRateDollars`, `amountDollars`: the form's field
 * names) and comes out of parsing as integer cents under a name that says cents
 * (`hourlyRateCents`, `amountCents`), so no name ever holds both.
 */

export const LIMITS = {
  message: 2000,
  title: 120,
  description: 5000,
  name: 50,
  milestones: 10,
  milestoneDescription: 200,
  rateMinCents: 300,
  rateMaxCents: 99_999,
  milestoneMinCents: 100,
  milestoneMaxCents: 100_000_000,
  weeklyLimitMax: 80,
} as const;

const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const personName = (label: string) =>
  z
    .string({ error: `Enter the freelancer's ${label}.` })
    .trim()
    .min(1, `Enter the freelancer's ${label}.`)
    .max(LIMITS.name, `Keep the ${label} to ${LIMITS.name} characters or fewer.`)
    .refine((v) => !CONTROL_CHARS.test(v), `The ${label} contains characters we can't show.`);

/** The earliest acceptable start date: today somewhere on Earth (the date at UTC-12, the last zone). */
export function earliestStartDate(now = new Date()): string {
  return new Date(now.getTime() - 12 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

function isIsoDate(v: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(v) &&
    !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
    new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)
  );
}

// One message for a malformed date, and no date comparisons after it (abort).
const isoDate = (message: string) =>
  z.string({ error: message }).trim().refine(isIsoDate, { message, abort: true });

const dollars = (
  messages: { required: string; invalid: string; min: string; max: string },
  min: number,
  max: number,
) =>
  z
    .string({ error: messages.required })
    .trim()
    .min(1, messages.required)
    .transform((v, ctx) => {
      const cents = parseDollarsToCents(v);
      if (cents === null) {
        ctx.addIssue({ code: 'custom', message: messages.invalid });
        return z.NEVER;
      }
      return cents;
    })
    .pipe(z.number().int().min(min, messages.min).max(max, messages.max));

const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

const offerCommon = {
  title: z
    .string({ error: 'Give the contract a title.' })
    .trim()
    .min(1, 'Give the contract a title.')
    .max(LIMITS.title, `Keep the title to ${LIMITS.title} characters or fewer.`),
  description: z
    .string()
    .trim()
    .max(
      LIMITS.description,
      `Keep the description to ${LIMITS.description.toLocaleString('en-US')} characters or fewer.`,
    )
    .optional()
    .default(''),
  startDate: isoDate('Enter the start date as a date, like 2026-12-01.').refine(
    (v) => v >= earliestStartDate(),
    'The start date must be today or later.',
  ),
};

export const hourlyRateSchema = dollars(
  {
    required: 'Enter the hourly rate.',
    invalid: 'Enter the hourly rate as an amount in dollars, like 45 or 45.50.',
    min: 'The hourly rate must be at least $3.00.',
    max: 'The hourly rate must be at most $999.99.',
  },
  LIMITS.rateMinCents,
  LIMITS.rateMaxCents,
);

const hourlyOffer = z
  .object({
    kind: z.literal('hourly'),
    ...offerCommon,
    hourlyRateDollars: hourlyRateSchema,
    weeklyLimit: z
      .string({ error: 'Choose a weekly limit, or "No limit".' })
      .trim()
      .transform((v, ctx) => {
        if (v === '' || v === 'none') return null;
        if (!/^\d{1,3}$/.test(v) || Number(v) < 1 || Number(v) > LIMITS.weeklyLimitMax) {
          ctx.addIssue({
            code: 'custom',
            message: 'The weekly limit must be a whole number of hours from 1 to 80, or no limit.',
          });
          return z.NEVER;
        }
        return Number(v);
      }),
    allowManualTime: checkbox,
  })
  .transform(({ hourlyRateDollars, ...offer }) => ({
    ...offer,
    hourlyRateCents: hourlyRateDollars,
  }));

const milestoneSchema = z
  .object({
    description: z
      .string({ error: 'Describe the milestone.' })
      .trim()
      .min(1, 'Describe the milestone.')
      .max(
        LIMITS.milestoneDescription,
        `Keep each milestone description to ${LIMITS.milestoneDescription} characters or fewer.`,
      ),
    amountDollars: dollars(
      {
        required: 'Enter the milestone amount.',
        invalid: 'Enter the amount in dollars, like 500 or 1,250.00.',
        min: 'Each milestone must be at least $1.00.',
        max: 'Each milestone must be at most $1,000,000.00.',
      },
      LIMITS.milestoneMinCents,
      LIMITS.milestoneMaxCents,
    ),
    dueDate: isoDate('Enter the due date as a date, like 2026-12-15.'),
  })
  .transform(({ amountDollars, ...milestone }) => ({ ...milestone, amountCents: amountDollars }));

export type MilestoneInput = z.input<typeof milestoneSchema>;

function isBlankMilestone(m: unknown): boolean {
  if (!m || typeof m !== 'object') return true;
  return Object.values(m as Record<string, unknown>).every(
    (v) => typeof v !== 'string' || v.trim() === '',
  );
}

const fixedOffer = z
  .object({
    kind: z.literal('fixed'),
    ...offerCommon,
    milestones: z.preprocess(
      // Rows left completely blank (the spare rows of the no-JavaScript form) are dropped.
      (v) => (Array.isArray(v) ? v.filter((m) => !isBlankMilestone(m)) : v),
      z
        .array(milestoneSchema, { error: 'Add at least one milestone.' })
        .min(1, 'Add at least one milestone.')
        .max(LIMITS.milestones, `A contract can have at most ${LIMITS.milestones} milestones.`),
    ),
  })
  .superRefine(
    (offer, ctx) => {
      // Runs even when other fields failed (see `when`), so this error shows with the rest;
      // the values may then be partly parsed, so only well-formed dates are compared.
      const { startDate, milestones: rows } = offer as {
        startDate?: unknown;
        milestones?: unknown;
      };
      if (typeof startDate !== 'string' || !isIsoDate(startDate) || !Array.isArray(rows)) return;
      rows.forEach((m: unknown, i) => {
        const dueDate = (m as { dueDate?: unknown } | null)?.dueDate;
        if (typeof dueDate === 'string' && isIsoDate(dueDate) && dueDate < startDate) {
          ctx.addIssue({
            code: 'custom',
            path: ['milestones', i, 'dueDate'],
            message: 'The due date cannot be before the contract start date.',
          });
        }
      });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

export const offerSchema = z.discriminatedUnion('kind', [hourlyOffer, fixedOffer], {
  error: 'Choose hourly or fixed price.',
});

export const inviteSchema = z.object({
  email: emailSchema,
  firstName: personName('first name'),
  lastName: personName('last name'),
  message: z
    .string()
    .max(
      LIMITS.message,
      `Keep the personal message to ${LIMITS.message.toLocaleString('en-US')} characters or fewer.`,
    )
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : null)),
  offer: offerSchema,
});

export type InviteInput = z.input<typeof inviteSchema>;
export type InviteData = z.output<typeof inviteSchema>;
export type OfferData = z.output<typeof offerSchema>;

/** The bulk path: a shared offer template plus rows of people (rate optional per row). */
export const bulkRowSchema = z
  .object({
    email: emailSchema,
    firstName: personName('first name'),
    lastName: personName('last name'),
    rateDollars: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(hourlyRateSchema.optional()),
  })
  .transform(({ rateDollars, ...row }) => ({ ...row, rateCents: rateDollars }));

export type BulkRow = z.output<typeof bulkRowSchema>;

export const changeEmailSchema = z.object({
  inviteId: z.uuid('Unknown invite.'),
  email: emailSchema,
});
export const inviteIdSchema = z.object({ inviteId: z.uuid('Unknown invite.') });
