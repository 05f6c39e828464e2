import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

/**
 * The client's view of a compliance decision: the status only. The freelancer's answers,
 * documents and the reviewer's reason belong to the freelancer and never appear here.
 */
export type ComplianceClientNoticeProps = {
  freelancerName: string;
  offerTitle: string;
  decision: 'approved' | 'rejected';
  url: string;
};

export function complianceClientNoticeSubject(
  p: Pick<ComplianceClientNoticeProps, 'freelancerName' | 'offerTitle' | 'decision'>,
) {
  return p.decision === 'approved'
    ? `${p.freelancerName} passed the compliance check: “${p.offerTitle}” is active`
    : `“${p.offerTitle}” cannot start yet: ${p.freelancerName}'s compliance check was not approved`;
}

/** To the client when ops decide the compliance check their contract waits for. */
export default function ComplianceClientNoticeEmail({
  freelancerName = 'Alex Kim',
  offerTitle = 'Website redesign',
  decision = 'approved',
  url = 'http://localhost:3000/client/invites/00000000-0000-4000-8000-000000000000',
}: Partial<ComplianceClientNoticeProps>) {
  const approved = decision === 'approved';
  return (
    <EmailLayout preview={complianceClientNoticeSubject({ freelancerName, offerTitle, decision })}>
      <Heading as="h1">
        {approved ? 'The compliance check is approved' : 'The compliance check was not approved'}
      </Heading>
      {approved ? (
        <Text>
          Workbridge approved {freelancerName}&rsquo;s independent-contractor check. Your contract
          &ldquo;{offerTitle}&rdquo; is now active.
        </Text>
      ) : (
        <Text>
          Workbridge did not approve {freelancerName}&rsquo;s independent-contractor check. Your
          contract &ldquo;{offerTitle}&rdquo; cannot start until {freelancerName} passes the check.
          There is nothing you need to do: we let {freelancerName} know what to fix.
        </Text>
      )}
      <Button href={url} style={emailStyles.button}>
        Open the invite
      </Button>
      <Text style={emailStyles.muted}>
        Why is there a check? See &ldquo;What is the compliance check?&rdquo; in the help center.
      </Text>
    </EmailLayout>
  );
}
