// Find Work (SPEC 5): clients' job posts, freelancers' proposals and saved searches, and the
// message threads of proposals and contracts. Money is integer cents (USD); times timestamptz.
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { clientWorkspaces, users } from './accounts';
import { contracts, invites } from './invites';
import { storedFiles } from './settings';

// ── Job posts ───────────────────────────────────────────────────────────────────────────
export const jobBudgetKindEnum = pgEnum('job_budget_kind', ['hourly', 'fixed']);
export const experienceLevelEnum = pgEnum('experience_level', ['entry', 'intermediate', 'expert']);
export const jobDurationEnum = pgEnum('job_duration', [
  'under_1_month',
  '1_to_3_months',
  '3_to_6_months',
  'over_6_months',
]);
export const jobWorkloadEnum = pgEnum('job_workload', ['under_10', '10_to_30', 'over_30']);
export const jobVisibilityEnum = pgEnum('job_visibility', ['public', 'invite_only']);
/** draft → open (30 days) → closed (hired or not) or expired; a closed or expired post reopens. */
export const jobPostStatusEnum = pgEnum('job_post_status', ['draft', 'open', 'closed', 'expired']);
export const jobCloseReasonEnum = pgEnum('job_close_reason', ['hired', 'not_hired']);

export const jobPosts = pgTable(
  'job_post',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => clientWorkspaces.id, { onDelete: 'cascade' }),
    createdById: text('created_by_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** 1–15 skills, as typed (trimmed), in the client's order. */
    skills: text('skills').array().notNull(),
    budgetKind: jobBudgetKindEnum('budget_kind').notNull(),
    hourlyMinCents: integer('hourly_min_cents'),
    hourlyMaxCents: integer('hourly_max_cents'),
    fixedBudgetCents: integer('fixed_budget_cents'),
    currency: text('currency').notNull().default('USD'),
    experience: experienceLevelEnum('experience').notNull(),
    duration: jobDurationEnum('duration').notNull(),
    workload: jobWorkloadEnum('workload').notNull(),
    visibility: jobVisibilityEnum('visibility').notNull().default('public'),
    /** Up to 5 screening questions; a proposal stores each answer beside its question's text. */
    questions: text('questions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: jobPostStatusEnum('status').notNull().default('draft'),
    /** When it last opened (first publish or reopen); it expires 30 days later. */
    openedAt: timestamp('opened_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** The "expires in 5 days" reminder, once per opening. */
    expiryReminderSentAt: timestamp('expiry_reminder_sent_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeReason: jobCloseReasonEnum('close_reason'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('job_post_workspace_idx').on(t.workspaceId, t.createdAt),
    index('job_post_open_expiry_idx')
      .on(t.expiresAt)
      .where(sql`status = 'open'`),
    check('job_post_title_len', sql`char_length(${t.title}) between 1 and 120`),
    check('job_post_description_len', sql`char_length(${t.description}) between 1 and 10000`),
    check('job_post_skills_count', sql`cardinality(${t.skills}) between 1 and 15`),
    check('job_post_questions_count', sql`cardinality(${t.questions}) <= 5`),
    check(
      'job_post_budget',
      sql`(${t.budgetKind} = 'hourly' and ${t.fixedBudgetCents} is null and ${t.hourlyMinCents} between 300 and 99999 and ${t.hourlyMaxCents} between ${t.hourlyMinCents} and 99999)
        or (${t.budgetKind} = 'fixed' and ${t.hourlyMinCents} is null and ${t.hourlyMaxCents} is null and ${t.fixedBudgetCents} between 500 and 100000000)`,
    ),
    check(
      'job_post_open_dates',
      sql`${t.status} = 'draft' or (${t.openedAt} is not null and ${t.expiresAt} is not null)`,
    ),
    check(
      'job_post_closed',
      sql`(${t.status} = 'closed') = (${t.closedAt} is not null and ${t.closeReason} is not null)`,
    ),
  ],
);

/** Who may see an invite-only job post (and propose to it): freelancers the client named. */
export const jobPostInvitations = pgTable(
  'job_post_invitation',
  {
    jobPostId: uuid('job_post_id')
      .notNull()
      .references(() => jobPosts.id, { onDelete: 'cascade' }),
    freelancerId: text('freelancer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.jobPostId, t.freelancerId] }),
    index('job_post_invitation_freelancer_idx').on(t.freelancerId),
  ],
);

// ── Proposals ───────────────────────────────────────────────────────────────────────────
/**
 * submitted → shortlisted / archived (the client's sorting, either way again) → declined,
 * or offered (an offer went out: `inviteId`); withdrawn by the freelancer before an offer.
 */
export const proposalStatusEnum = pgEnum('proposal_status', [
  'submitted',
  'shortlisted',
  'archived',
  'declined',
  'withdrawn',
  'offered',
]);
/** How a fixed-price bid is split: the whole project, or milestones. */
export const bidShapeEnum = pgEnum('bid_shape', ['hourly', 'project', 'milestones']);

export type ProposalAnswer = { question: string; answer: string };
export type ProposalMilestoneBid = { description: string; amountCents: number };

export const proposals = pgTable(
  'proposal',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobPostId: uuid('job_post_id')
      .notNull()
      .references(() => jobPosts.id, { onDelete: 'cascade' }),
    freelancerId: text('freelancer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    coverLetter: text('cover_letter').notNull(),
    answers: jsonb('answers').$type<ProposalAnswer[]>().notNull().default([]),
    bidShape: bidShapeEnum('bid_shape').notNull(),
    hourlyRateCents: integer('hourly_rate_cents'),
    /** The whole-project bid, or the sum of the milestones. */
    bidCents: integer('bid_cents'),
    milestones: jsonb('milestones').$type<ProposalMilestoneBid[]>().notNull().default([]),
    currency: text('currency').notNull().default('USD'),
    estimatedDuration: jobDurationEnum('estimated_duration').notNull(),
    status: proposalStatusEnum('status').notNull().default('submitted'),
    declineReason: text('decline_reason'),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** The offer sent from this proposal: an invite, reviewed and accepted as any other. */
    inviteId: uuid('invite_id').references(() => invites.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('proposal_job_freelancer_uq').on(t.jobPostId, t.freelancerId),
    uniqueIndex('proposal_invite_uq').on(t.inviteId),
    index('proposal_job_idx').on(t.jobPostId, t.submittedAt),
    index('proposal_freelancer_idx').on(t.freelancerId, t.submittedAt),
    check('proposal_cover_letter_len', sql`char_length(${t.coverLetter}) between 1 and 5000`),
    check(
      'proposal_bid',
      sql`(${t.bidShape} = 'hourly' and ${t.hourlyRateCents} between 300 and 99999 and ${t.bidCents} is null)
        or (${t.bidShape} in ('project', 'milestones') and ${t.hourlyRateCents} is null and ${t.bidCents} between 500 and 100000000)`,
    ),
    check('proposal_declined', sql`(${t.status} = 'declined') = (${t.declinedAt} is not null)`),
    check('proposal_withdrawn', sql`(${t.status} = 'withdrawn') = (${t.withdrawnAt} is not null)`),
    check('proposal_offered', sql`${t.status} <> 'offered' or ${t.inviteId} is not null`),
  ],
);

export const proposalAttachments = pgTable(
  'proposal_attachment',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.fileId] })],
);

// ── Saved searches ──────────────────────────────────────────────────────────────────────
/** The search page's filters, as its URL carries them (validated by lib/job-posts). */
export type SavedSearchFilters = Record<string, string>;

export const savedSearches = pgTable(
  'saved_search',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    freelancerId: text('freelancer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: text('query').notNull().default(''),
    filters: jsonb('filters').$type<SavedSearchFilters>().notNull().default({}),
    /** Posts opened after this are "new since your last visit". */
    lastVisitedAt: timestamp('last_visited_at', { withTimezone: true }).notNull(),
    /** The daily digest covers posts opened after this. */
    lastDigestAt: timestamp('last_digest_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('saved_search_freelancer_idx').on(t.freelancerId, t.createdAt),
    check('saved_search_name_len', sql`char_length(${t.name}) between 1 and 80`),
    check('saved_search_query_len', sql`char_length(${t.query}) <= 200`),
  ],
);

// ── Messages ────────────────────────────────────────────────────────────────────────────
/** One thread per proposal and one per contract; only the two parties read it. */
export const messageThreads = pgTable(
  'message_thread',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id').references(() => proposals.id, { onDelete: 'cascade' }),
    contractId: uuid('contract_id').references(() => contracts.id, { onDelete: 'cascade' }),
    /** The client's side and the freelancer's side, fixed when the thread starts. */
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => clientWorkspaces.id, { onDelete: 'cascade' }),
    freelancerId: text('freelancer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('message_thread_proposal_uq').on(t.proposalId),
    uniqueIndex('message_thread_contract_uq').on(t.contractId),
    index('message_thread_freelancer_idx').on(t.freelancerId, t.lastMessageAt),
    index('message_thread_workspace_idx').on(t.workspaceId, t.lastMessageAt),
    check(
      'message_thread_one_subject',
      sql`(${t.proposalId} is null) <> (${t.contractId} is null)`,
    ),
  ],
);

export const messages = pgTable(
  'message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => messageThreads.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('message_thread_time_idx').on(t.threadId, t.createdAt),
    check('message_body_len', sql`char_length(${t.body}) between 1 and 5000`),
  ],
);

/** What each party has read of a thread, and when they were last emailed about it. */
export const messageReads = pgTable(
  'message_read',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => messageThreads.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }),
    /** At most one "unread messages" email an hour per thread and reader. */
    lastEmailedAt: timestamp('last_emailed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] })],
);
