import type { Db } from '@/db/client';
import { makeDueFundsAvailable } from '@/lib/earnings/release';
import { deleteExpiredFormDrafts } from '@/lib/form-drafts/service';
import { sendUnsentDisputeRefunds } from '@/lib/hourly/dispute-settlement';
import { expireDisputeDeadlines } from '@/lib/hourly/disputes';
import { issueDueInvoices } from '@/lib/hourly/invoicing';
import { sendSavedSearchDigests } from '@/lib/job-search/digest';
import { releaseDueInvoices } from '@/lib/hourly/review';
import { stopTimersAtDayEnd } from '@/lib/hourly/service';
import { expireDueJobPosts, remindExpiringJobPosts } from '@/lib/job-posts/expiry';
import { emailUnreadMessages } from '@/lib/messages/unread-emails';
import { resumeStuckFundings } from '@/lib/milestones/funding-resume';
import { expireRefundAnswers } from '@/lib/milestones/refunds';
import { remindUnfundedMilestones } from '@/lib/milestones/reminders';
import { autoApproveDueMilestones, remindBeforeAutoApproval } from '@/lib/milestones/review';
import { runScheduledWithdrawals } from '@/lib/withdrawals/scheduled';

/**
 * One thing the billing tick does: everything of its kind due at `at`, idempotent, in
 * batches, safe on several workers at once. Returns how many items it handled.
 */
export type TickStep = { name: string; run: (db: Db, at: Date) => Promise<number> };

/** What the billing tick does, in order (SPEC 4.A–4.D). A new step is one line here. */
export const TICK_STEPS: readonly TickStep[] = [
  // Close the weeks: no timer runs across a UTC midnight, so last week's time is in place.
  { name: 'stopTimersAtDayEnd', run: (db, at) => stopTimersAtDayEnd(db, at) },
  // Monday 12:00 UTC: invoice last week and charge the client.
  { name: 'issueDueInvoices', run: (db, at) => issueDueInvoices(db, at) },
  // Saturday 00:00 UTC (or an early approval): the undisputed amount to the freelancer.
  { name: 'releaseDueInvoices', run: (db, at) => releaseDueInvoices(db, at) },
  // Pending money whose date has come becomes available.
  { name: 'makeDueFundsAvailable', run: (db, at) => makeDueFundsAvailable(db, at) },
  // Wednesday: automatic withdrawals of what just became available (schedules, 180 days).
  { name: 'runScheduledWithdrawals', run: (db, at) => runScheduledWithdrawals(db, at) },
  // Disputes the freelancer did not answer in 3 business days are refunded…
  { name: 'expireDisputeDeadlines', run: (db, at) => expireDisputeDeadlines(db, at) },
  // …and every settled dispute's card refund reaches the provider (a retry of any missed).
  { name: 'sendUnsentDisputeRefunds', run: (db, at) => sendUnsentDisputeRefunds(db, at) },
  // Fixed price: a funding whose process stopped before its charge settled is taken up
  // again under its first key (5 minutes on; the provider charges once)…
  { name: 'resumeStuckFundings', run: (db, at) => resumeStuckFundings(db, at) },
  // …the funding reminder (2 days), the approval reminder (3 days before), the
  // automatic approval (14 days) and unanswered refund requests to ops (7 days).
  { name: 'remindUnfundedMilestones', run: (db, at) => remindUnfundedMilestones(db, at) },
  { name: 'remindBeforeAutoApproval', run: (db, at) => remindBeforeAutoApproval(db, at) },
  { name: 'autoApproveDueMilestones', run: (db, at) => autoApproveDueMilestones(db, at) },
  { name: 'expireRefundAnswers', run: (db, at) => expireRefundAnswers(db, at) },
  // Find Work: open job posts expire after 30 days, their owner told 5 days before.
  { name: 'expireDueJobPosts', run: (db, at) => expireDueJobPosts(db, at) },
  { name: 'remindExpiringJobPosts', run: (db, at) => remindExpiringJobPosts(db, at) },
  // Find Work: an email about unread messages, at most once an hour per thread and reader.
  { name: 'emailUnreadMessages', run: (db, at) => emailUnreadMessages(db, at) },
  // Find Work: each saved search's daily email of new matching posts.
  { name: 'sendSavedSearchDigests', run: (db, at) => sendSavedSearchDigests(db, at) },
  // The typed text of forms refused without JavaScript that their page never took back.
  { name: 'deleteExpiredFormDrafts', run: (db, at) => deleteExpiredFormDrafts(db, at) },
];
