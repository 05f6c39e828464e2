import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type ComplianceDecisionEmailProps = {
  firstName: string;
  decision: 'approved' | 'rejected';
  /** Approved: until when the approval counts, in words. */
  validUntil: string | null;
  /** Rejected: the reviewer's reason and when a new submission opens, in words. */
  reason: string | null;
  resubmitFrom: string | null;
  /** Contracts that started with this approval. */
  activatedContracts: string[];
  url: string;
};

export function complianceDecisionSubject(p: Pick<ComplianceDecisionEmailProps, 'decision'>) {
  return p.decision === 'approved'
    ? 'Your Workbridge compliance check is approved'
    : 'Your Workbridge compliance check was not approved';
}

/** To the freelancer when an ops reviewer approves or rejects their compliance check. */
export default function ComplianceDecisionEmail({
  firstName = 'Alex',
  decision = 'approved',
  validUntil = 'March 11, 2027, 08:30 UTC',
  reason = null,
  resubmitFrom = null,
  activatedContracts = ['Website redesign'],
  url = 'http://localhost:3000/onboarding/compliance',
}: Partial<ComplianceDecisionEmailProps>) {
  const approved = decision === 'approved';
  return (
    <EmailLayout preview={complianceDecisionSubject({ decision })}>
      <Heading as="h1">
        {approved ? 'Your compliance check is approved' : 'Your compliance check was not approved'}
      </Heading>
      <Text>Hi {firstName},</Text>
      {approved ? (
        <>
          <Text>
            Our reviewers approved your independent-contractor check. It counts for every client on
            Workbridge until {validUntil}.
          </Text>
          {activatedContracts.length > 0 ? (
            <Text>
              {activatedContracts.length === 1
                ? 'This contract is now active: '
                : 'These contracts are now active: '}
              {activatedContracts.map((t) => `“${t}”`).join(', ')}.
            </Text>
          ) : null}
        </>
      ) : (
        <>
          <Text style={{ whiteSpace: 'pre-wrap' }}>The reviewer&rsquo;s reason: {reason}</Text>
          <Text>
            You can submit the check again from {resubmitFrom}. Until then, contracts that need the
            check cannot start.
          </Text>
        </>
      )}
      <Button href={url} style={emailStyles.button}>
        Open your compliance check
      </Button>
      <Text style={emailStyles.muted}>
        Questions about the check? See “What is the compliance check?” in the help center.
      </Text>
    </EmailLayout>
  );
}
