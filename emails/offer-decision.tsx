import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type OfferDecisionEmailProps = {
  freelancerName: string;
  offerTitle: string;
  decision: 'accepted' | 'declined';
  reason: string | null;
  url: string;
  startsAfterCompliance?: boolean;
};

export function offerDecisionSubject(
  p: Pick<OfferDecisionEmailProps, 'freelancerName' | 'offerTitle' | 'decision'>,
) {
  return `${p.freelancerName} ${p.decision} your offer “${p.offerTitle}”`;
}

/** To the client when the freelancer accepts or declines (with the reason given). */
export default function OfferDecisionEmail({
  freelancerName = 'Alex Kim',
  offerTitle = 'Website redesign',
  decision = 'accepted',
  reason = null,
  url = 'http://localhost:3000/client',
  startsAfterCompliance = false,
}: Partial<OfferDecisionEmailProps>) {
  return (
    <EmailLayout preview={`${freelancerName} ${decision} “${offerTitle}”`}>
      <Heading as="h1">
        {freelancerName} {decision} your offer
      </Heading>
      <Text>
        {decision === 'accepted'
          ? startsAfterCompliance
            ? `${freelancerName} accepted “${offerTitle}”. The contract starts once the compliance check is approved.`
            : `${freelancerName} accepted “${offerTitle}”. The contract is active.`
          : `${freelancerName} declined “${offerTitle}”.`}
      </Text>
      {decision === 'declined' && reason ? (
        <Text style={{ whiteSpace: 'pre-wrap' }}>Reason given: {reason}</Text>
      ) : null}
      <Button href={url} style={emailStyles.button}>
        Open the invite
      </Button>
    </EmailLayout>
  );
}
