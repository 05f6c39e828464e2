import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';

type Sides = {
  freelancerId: string;
  workspaceName: string;
  freelancerName: string | null;
  freelancerEmail: string;
};

/** The side of a conversation the viewer is not on: the workspace, or the freelancer. */
export function otherSide(viewerId: string, sides: Sides): string {
  return viewerId === sides.freelancerId
    ? sides.workspaceName
    : (sides.freelancerName ?? sides.freelancerEmail);
}

/** A conversation's heading: its subject, who it is with, and the contract when there is one. */
export function ThreadHeader({
  title,
  between,
  contractId,
}: {
  title: string;
  between: string;
  contractId: string | null;
}) {
  return (
    <PageHeader
      title={title}
      back={<Link href="/messages">← All messages</Link>}
      description={
        <p>
          {between}
          {contractId && (
            <>
              {' · '}
              <Link href={`/contracts/${contractId}`}>Open the contract</Link>
            </>
          )}
        </p>
      }
    />
  );
}
