import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type OfferChangedEmailProps = {
  freelancerFirstName: string;
  inviterName: string;
  workspaceName: string;
  offerTitle: string;
  url: string;
};

/** "Dana Lee changed the offer “Website redesign”: review it again" */
export function offerChangedSubject(
  p: Pick<OfferChangedEmailProps, 'inviterName' | 'workspaceName' | 'offerTitle'>,
): string {
  return `${p.inviterName || p.workspaceName} changed the offer “${p.offerTitle}”: review it again`;
}

/**
 * To the freelancer when the client edits an offer they have not decided on yet: the terms
 * they may have read are gone, and accepting needs a fresh look at the new ones.
 */
export default function OfferChangedEmail({
  freelancerFirstName = 'Alex',
  inviterName = 'Dana Lee',
  workspaceName = 'Acme Studio',
  offerTitle = 'Website redesign',
  url = 'http://localhost:3000/onboarding/contract/00000000-0000-4000-8000-000000000000',
}: Partial<OfferChangedEmailProps>) {
  const who = inviterName ? `${inviterName} of ${workspaceName}` : workspaceName;
  return (
    <EmailLayout preview={`${who} changed “${offerTitle}”: review it again`}>
      <Heading as="h1">The offer changed: review it again</Heading>
      <Text>Hi {freelancerFirstName},</Text>
      <Text>
        {who} changed the terms of “{offerTitle}”. Read the new terms before you decide: what you
        accept is kept as a signed snapshot, and an acceptance of the old terms is no longer
        possible.
      </Text>
      <Button href={url} style={emailStyles.button}>
        Review the new offer
      </Button>
      <Text style={emailStyles.muted}>Or open this address: {url}</Text>
    </EmailLayout>
  );
}
