import type { ComponentType } from 'react';
import ComplianceClientNoticeEmail from './compliance-client-notice';
import ComplianceDecisionEmail from './compliance-decision';
import ConfirmEmailChangeEmail from './confirm-email-change';
import ConfirmPayoutChangeEmail from './confirm-payout-change';
import ConfirmWithdrawalEmail from './confirm-withdrawal';
import WithdrawalReturnedEmail from './withdrawal-returned';
import EmailAddressInUseEmail from './email-address-in-use';
import EmailChangeNoticeEmail from './email-change-notice';
import HourlyReviewNoticeEmail from './hourly-review-notice';
import InvitationEmail from './invitation';
import InvoiceIssuedEmail from './invoice-issued';
import JobPostExpiringEmail from './job-post-expiring';
import MoneyNoticeEmail from './money-notice';
import PayoutSecurityNoticeEmail from './payout-security-notice';
import MilestoneWorkEmail from './milestone-work';
import ContractEndedEmail from './contract-ended';
import OfferChangedEmail from './offer-changed';
import OfferDecisionEmail from './offer-decision';
import PaymentFailedEmail from './payment-failed';
import ProposalDeclinedEmail from './proposal-declined';
import SavedSearchDigestEmail from './saved-search-digest';
import SignInEmail from './sign-in';
import UnreadMessagesEmail from './unread-messages';

/**
 * Every template with its default (preview) props, for /dev/emails. A new template is
 * added here once.
 */
export const EMAIL_PREVIEWS: Record<
  string,
  { title: string; component: ComponentType<Record<string, never>> }
> = {
  'saved-search-digest': {
    title: 'Saved search: daily digest of new jobs',
    component: SavedSearchDigestEmail as ComponentType<Record<string, never>>,
  },
  'sign-in': {
    title: 'Sign-in link',
    component: SignInEmail as ComponentType<Record<string, never>>,
  },
  invitation: {
    title: 'Invitation',
    component: InvitationEmail as ComponentType<Record<string, never>>,
  },
  'invite-reminder': {
    title: 'Invitation reminder (3 days before expiry)',
    component: (() => InvitationEmail({ reminder: true })) as ComponentType<Record<string, never>>,
  },
  'offer-accepted': {
    title: 'Offer accepted (to the client)',
    component: OfferDecisionEmail as ComponentType<Record<string, never>>,
  },
  'offer-declined': {
    title: 'Offer declined (to the client)',
    component: (() =>
      OfferDecisionEmail({
        decision: 'declined',
        reason: 'The timeline does not work for me.',
      })) as ComponentType<Record<string, never>>,
  },
  'hourly-review-notice': {
    title: 'Hourly review: approval, dispute, answer, decision (to the other side)',
    component: HourlyReviewNoticeEmail as ComponentType<Record<string, never>>,
  },
  'milestone-work': {
    title: 'A milestone step: submitted, reviewed, refunded (to the other side)',
    component: MilestoneWorkEmail as ComponentType<Record<string, never>>,
  },
  'contract-ended': {
    title: 'Contract ended by the client (to the freelancer)',
    component: ContractEndedEmail as ComponentType<Record<string, never>>,
  },
  'unread-messages': {
    title: 'Unread messages in a thread (at most hourly)',
    component: UnreadMessagesEmail as ComponentType<Record<string, never>>,
  },
  'offer-changed': {
    title: 'Offer changed by the client (to the freelancer)',
    component: OfferChangedEmail as ComponentType<Record<string, never>>,
  },
  'compliance-approved': {
    title: 'Compliance check approved',
    component: ComplianceDecisionEmail as ComponentType<Record<string, never>>,
  },
  'compliance-rejected': {
    title: 'Compliance check rejected',
    component: (() =>
      ComplianceDecisionEmail({
        decision: 'rejected',
        reason: 'The business registration document is not readable.',
        resubmitFrom: 'March 1, 2027, 09:00 UTC',
        validUntil: null,
        activatedContracts: [],
      })) as ComponentType<Record<string, never>>,
  },
  'compliance-client-approved': {
    title: 'Compliance check approved (to the client)',
    component: ComplianceClientNoticeEmail as ComponentType<Record<string, never>>,
  },
  'compliance-client-rejected': {
    title: 'Compliance check not approved (to the client)',
    component: (() => ComplianceClientNoticeEmail({ decision: 'rejected' })) as ComponentType<
      Record<string, never>
    >,
  },
  'payout-added': {
    title: 'Payout method added (security notice)',
    component: PayoutSecurityNoticeEmail as ComponentType<Record<string, never>>,
  },
  'payout-removed': {
    title: 'Payout method removed (security notice)',
    component: (() => PayoutSecurityNoticeEmail({ change: 'removed' })) as ComponentType<
      Record<string, never>
    >,
  },
  'payout-confirm': {
    title: 'Confirm a payout change',
    component: ConfirmPayoutChangeEmail as ComponentType<Record<string, never>>,
  },
  'withdrawal-confirm': {
    title: 'Confirm a withdrawal asked for without a recent sign-in (to the freelancer)',
    component: ConfirmWithdrawalEmail as ComponentType<Record<string, never>>,
  },
  'email-change-confirm': {
    title: 'Confirm a new account email',
    component: ConfirmEmailChangeEmail as ComponentType<Record<string, never>>,
  },
  'email-change-requested': {
    title: 'Account email change asked for (to the old address)',
    component: EmailChangeNoticeEmail as ComponentType<Record<string, never>>,
  },
  'email-address-in-use': {
    title: 'Address already has an account (to its owner, when another account asks for it)',
    component: EmailAddressInUseEmail as ComponentType<Record<string, never>>,
  },
  'email-change-done': {
    title: 'Account email changed (to the old address)',
    component: (() => EmailChangeNoticeEmail({ stage: 'changed' })) as ComponentType<
      Record<string, never>
    >,
  },
  'invoice-issued-client': {
    title: 'Hourly invoice issued (to the client)',
    component: InvoiceIssuedEmail as ComponentType<Record<string, never>>,
  },
  'invoice-issued-freelancer': {
    title: 'Hourly invoice issued (to the freelancer)',
    component: (() =>
      InvoiceIssuedEmail({
        side: 'freelancer',
        firstName: 'Alex',
        otherPartyName: 'Dana Lee',
      })) as ComponentType<Record<string, never>>,
  },
  'payment-failed': {
    title: 'Charging an invoice failed (to the client)',
    component: PaymentFailedEmail as ComponentType<Record<string, never>>,
  },
  'money-notice': {
    title: 'Milestone funded, payment declined, funding reminder, bonus (money notice)',
    component: MoneyNoticeEmail as ComponentType<Record<string, never>>,
  },
  'withdrawal-returned': {
    title: 'A withdrawal failed and its money is back (to the freelancer)',
    component: WithdrawalReturnedEmail as ComponentType<Record<string, never>>,
  },
  'job-post-expiring': {
    title: 'A job post expires in 5 days (to the client)',
    component: JobPostExpiringEmail as ComponentType<Record<string, never>>,
  },
  'proposal-declined': {
    title: 'A proposal is declined (to the freelancer)',
    component: ProposalDeclinedEmail as ComponentType<Record<string, never>>,
  },
};
