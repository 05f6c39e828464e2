import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type MilestoneWorkEmailProps = {
  headline: string;
  /** What happened and what comes next, one paragraph each. */
  paragraphs: string[];
  contractTitle: string;
  milestoneName: string;
  /** Formatted, e.g. "$1,200.00". */
  amount: string;
  /** A message written by the other side (a submission note, changes asked for), if any. */
  quoted?: string;
  url: string;
  action: string;
};

/**
 * Every step of a milestone's submission, review and refund, to the side that did not take
 * it: one template, the step's own words.
 */
export default function MilestoneWorkEmail({
  headline = 'Alex Kim submitted “Design mockups”',
  paragraphs = [
    'Review the work and approve it to release the escrow, or ask for changes. Without an answer in 14 days it is approved automatically.',
  ],
  contractTitle = 'Website redesign',
  milestoneName = 'Design mockups',
  amount = '$1,200.00',
  quoted = 'The mockups for every page are attached; the links go to the Figma file.',
  url = 'http://localhost:3000/contracts/00000000-0000-4000-8000-000000000000/milestones/00000000-0000-4000-8000-000000000001/review',
  action = 'Review the submission',
}: Partial<MilestoneWorkEmailProps>) {
  return (
    <EmailLayout preview={headline}>
      <Heading as="h1">{headline}</Heading>
      <Text>
        Milestone “{milestoneName}” ({amount}) of “{contractTitle}”.
      </Text>
      {quoted ? <Text style={emailStyles.muted}>“{quoted}”</Text> : null}
      {paragraphs.map((p) => (
        <Text key={p}>{p}</Text>
      ))}
      <Button href={url} style={emailStyles.button}>
        {action}
      </Button>
      <Text style={emailStyles.muted}>Or open this address: {url}</Text>
    </EmailLayout>
  );
}
