import { z } from 'zod';
import { emailSchema, workspaceTypes } from '@/lib/accounts/schemas';

/**
 * What the browser journeys may ask /api/test/factories to build. Every field is optional
 * but the kind: a journey names only what its story is about.
 */
export const FREELANCER_STEPS = ['invited', 'joined', 'basic-info', 'contract'] as const;
export type FreelancerStep = (typeof FREELANCER_STEPS)[number];

const offer = z.enum(['hourly', 'fixed']).default('hourly');

export const clientRequestSchema = z.object({
  kind: z.literal('client'),
  email: emailSchema.optional(),
  name: z.string().trim().min(1).max(80).default('Dana Lee'),
  workspaceName: z.string().trim().min(1).max(120).default('Acme Studio'),
  workspaceType: z.enum(workspaceTypes).default('company'),
});

export const inviteRequestSchema = z.object({
  kind: z.literal('invite'),
  /** The inviting client, made by an earlier call. */
  clientEmail: emailSchema,
  email: emailSchema.optional(),
  firstName: z.string().trim().min(1).max(50).default('Alex'),
  lastName: z.string().trim().min(1).max(50).default('Kim'),
  title: z.string().trim().min(1).max(120).default('Website redesign'),
  offer,
  /** Past its expiry date: its page offers "Email me a fresh link". */
  expired: z.boolean().default(false),
});

/**
 * A freelancer left at `step` of onboarding, through the same services the pages call:
 * invited (an open invite, no account), joined (the link was followed), basic-info (saved),
 * contract (the offer accepted). Without clientEmail a client is made for them.
 */
export const freelancerRequestSchema = inviteRequestSchema.extend({
  kind: z.literal('freelancer'),
  clientEmail: emailSchema.optional(),
  step: z.enum(FREELANCER_STEPS).default('contract'),
  country: z.string().length(2).toUpperCase().default('PT'),
  timeZone: z.string().min(1).default('Europe/Lisbon'),
});

/** A further contract from `clientEmail` to a freelancer who already has an account. */
export const contractRequestSchema = z.object({
  kind: z.literal('contract'),
  clientEmail: emailSchema,
  freelancerEmail: emailSchema,
  title: z.string().trim().min(1).max(120).default('Second project'),
  offer,
  accept: z.boolean().default(true),
});

/**
 * Money on an accepted hourly contract, posted through postTransaction without invoices
 * (lib/test-hooks/payments.ts): two weeks charged, the first released and made available.
 */
export const paymentsRequestSchema = z.object({
  kind: z.literal('payments'),
  contractId: z.uuid(),
});

/**
 * An active hourly contract (a new freelancer, from `clientEmail` or a new client) with time
 * on `days` days of one week, `hoursPerDay` each, tracked with a memo: the week the billing
 * tick invoices. By default last week (by the app's clock), so "run the billing tick now"
 * (/dev/clock) invoices it at once after Monday 12:00 UTC. `card`: the client's simulated
 * card (approved, declines every charge, or none). `days: 0` leaves the week empty for a
 * journey that logs its own time in the diary; `allowManualTime` lets it type time in.
 */
export const hourlyWeekRequestSchema = z.object({
  kind: z.literal('hourly-week'),
  clientEmail: emailSchema.optional(),
  title: z.string().trim().min(1).max(120).default('Website redesign'),
  weekStart: z.iso.date().optional(),
  days: z.number().int().min(0).max(7).default(3),
  allowManualTime: z.boolean().default(false),
  hoursPerDay: z.number().int().min(1).max(12).default(2),
  weeklyLimitHours: z.number().int().min(1).max(80).nullable().default(20),
  card: z.enum(['approved', 'declines', 'none']).default('approved'),
});

/** A paid hourly week under review on an accepted hourly contract (lib/test-hooks/review-week). */
export const reviewWeekRequestSchema = z.object({
  kind: z.literal('review-week'),
  contractId: z.uuid(),
});

/**
 * An hourly week invoiced and paid on an accepted hourly contract (lib/test-hooks/
 * invoice-factory.ts): in the client's review, or released and pending.
 */
export const invoiceRequestSchema = z.object({
  kind: z.literal('invoice'),
  contractId: z.uuid(),
  weeksAgo: z.number().int().min(1).max(52).default(1),
  stage: z.enum(['in_review', 'pending']).default('in_review'),
});

/**
 * A fixed-price contract ready to be funded: a client (made unless clientEmail names one)
 * with a simulated card as its default, and a freelancer who accepted an offer of two
 * milestones ($500 and $1,250). `card` picks the test card (4000 0000 0000 0341 declines
 * every charge).
 */
export const fixedContractRequestSchema = z.object({
  kind: z.literal('fixed-contract'),
  clientEmail: emailSchema.optional(),
  title: z.string().trim().min(1).max(120).default('Logo design'),
  card: z.string().trim().min(12).max(23).default('4242 4242 4242 4242'),
  timeZone: z.string().min(1).default('Europe/Lisbon'),
});

export const factoryRequestSchema = z.discriminatedUnion('kind', [
  clientRequestSchema,
  inviteRequestSchema,
  freelancerRequestSchema,
  contractRequestSchema,
  paymentsRequestSchema,
  hourlyWeekRequestSchema,
  reviewWeekRequestSchema,
  invoiceRequestSchema,
  fixedContractRequestSchema,
]);

export type FactoryRequest = z.input<typeof factoryRequestSchema>;

export const sessionRequestSchema = z.object({
  email: emailSchema,
  /** For the "signed in within 30 minutes" checks: a sign-in this long ago. */
  signedInMinutesAgo: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .default(0),
});
