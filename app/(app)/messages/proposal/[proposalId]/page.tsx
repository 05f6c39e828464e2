import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { requireViewer } from '@/lib/auth/session';
import { openThreadOf } from '@/lib/messages/service';

/** Opens the proposal's thread, starting it on first use; not found for anyone else. */
export default async function ProposalThreadPage({
  params,
}: {
  params: Promise<{ proposalId: string }>;
}) {
  const viewer = await requireViewer();
  const parsed = z.uuid().safeParse((await params).proposalId);
  if (!parsed.success) notFound();
  const { db } = await getDatabase();
  const opened = await openThreadOf(
    db,
    { userId: viewer.user.id, isAdmin: viewer.isAdmin },
    { kind: 'proposal', id: parsed.data },
  );
  if (!opened.ok) notFound();
  redirect(`/messages/${opened.threadId}`);
}
