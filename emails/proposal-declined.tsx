import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type ProposalDeclinedEmailProps = {
  jobTitle: string;
  workspaceName: string;
  /** As the client typed it; shown as text, never as markup. */
  reason: string | null;
  url: string;
};

export function proposalDeclinedSubject(jobTitle: string) {
  return `Your proposal for “${jobTitle}” was declined`;
}

/** To the freelancer when the client declines their proposal (lib/proposals/client.ts). */
export default function ProposalDeclinedEmail({
  jobTitle = 'Build a booking page',
  workspaceName = 'Acme Studio',
  reason = 'We went with someone who has used our booking tool before.',
  url = 'http://localhost:3000/proposals',
}: Partial<ProposalDeclinedEmailProps>) {
  return (
    <EmailLayout preview={proposalDeclinedSubject(jobTitle)}>
      <Heading as="h1">{proposalDeclinedSubject(jobTitle)}</Heading>
      <Text>
        {workspaceName} read your proposal for “{jobTitle}” and decided not to go ahead with it.
      </Text>
      {reason ? (
        <Text style={{ whiteSpace: 'pre-wrap' }}>Their reason: {reason}</Text>
      ) : (
        <Text>They did not give a reason.</Text>
      )}
      <Text>
        Other clients are posting jobs every day; your proposals list shows where the rest stand.
      </Text>
      <Button href={url} style={emailStyles.button}>
        Open your proposals
      </Button>
      <Text style={emailStyles.muted}>Or open this address: {url}</Text>
    </EmailLayout>
  );
}
