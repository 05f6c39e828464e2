import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type ContractEndedEmailProps = {
  headline: string;
  contractTitle: string;
  /** The client's message, as they wrote it. */
  message: string;
  /** What ending means for this contract (escrow, the last week), one paragraph each. */
  paragraphs: string[];
  url: string;
};

/** To the freelancer when the client ends their contract (lib/contract-ending). */
export default function ContractEndedEmail({
  headline = 'Dana Lee of Acme ended “Website redesign”',
  contractTitle = 'Website redesign',
  message = 'Thank you for the work: the project is finished on our side.',
  paragraphs = [
    'Milestone “Design mockups” was funded and had no submission: the client asks for its money back. Agree or refuse on the milestone page within 7 days; without an answer Workbridge ops decides.',
    'Submitted work stays in review: the client can still approve it, and it is approved automatically after 14 days.',
  ],
  url = 'http://localhost:3000/contracts/00000000-0000-4000-8000-000000000000',
}: Partial<ContractEndedEmailProps>) {
  return (
    <EmailLayout preview={headline}>
      <Heading as="h1">{headline}</Heading>
      <Text>The contract “{contractTitle}” has ended. The client wrote:</Text>
      <Text style={emailStyles.muted}>“{message}”</Text>
      {paragraphs.map((p) => (
        <Text key={p}>{p}</Text>
      ))}
      <Button href={url} style={emailStyles.button}>
        Open the contract
      </Button>
      <Text style={emailStyles.muted}>Or open this address: {url}</Text>
    </EmailLayout>
  );
}
