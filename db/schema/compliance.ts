// Compliance checks and their documents.
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { users } from './accounts';
import { storedFiles } from './settings';

export const complianceLevelEnum = pgEnum('compliance_level', [
  'questionnaire',
  'questionnaire_and_documents',
]);
export const complianceStatusEnum = pgEnum('compliance_status', [
  'submitted',
  'approved',
  'rejected',
]);

export const complianceChecks = pgTable(
  'compliance_check',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    level: complianceLevelEnum('level').notNull(),
    status: complianceStatusEnum('status').notNull().default('submitted'),
    answers: jsonb('answers').$type<Record<string, string>>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedById: text('decided_by_id').references(() => users.id),
    rejectionReason: text('rejection_reason'),
  },
  (t) => [
    index('compliance_check_user_idx').on(t.userId, t.submittedAt),
    index('compliance_check_queue_idx').on(t.status, t.submittedAt),
    // One open submission at a time per freelancer.
    uniqueIndex('compliance_one_open_uq')
      .on(t.userId)
      .where(sql`${t.status} = 'submitted'`),
    check(
      'compliance_decided',
      sql`${t.status} = 'submitted' or (${t.decidedAt} is not null and ${t.decidedById} is not null)`,
    ),
    check(
      'compliance_rejected_reason',
      sql`${t.status} <> 'rejected' or ${t.rejectionReason} is not null`,
    ),
    // The converse: a check still waiting carries no decision, an approval no reason.
    check(
      'compliance_decided_at_matches_status',
      sql`(${t.decidedAt} is null) = (${t.status} = 'submitted')`,
    ),
    check(
      'compliance_decided_by_with_time',
      sql`(${t.decidedById} is null) = (${t.decidedAt} is null)`,
    ),
    check(
      'compliance_reason_when_rejected',
      sql`${t.rejectionReason} is null or ${t.status} = 'rejected'`,
    ),
  ],
);

export const complianceDocuments = pgTable(
  'compliance_document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    checkId: uuid('check_id')
      .notNull()
      .references(() => complianceChecks.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('compliance_document_check_idx').on(t.checkId)],
);
