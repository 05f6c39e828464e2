import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { requireViewer } from '@/lib/auth/session';
import { openThreadOf } from '@/lib/messages/service';

/** Opens the contract's thread, starting it on first use; not found for anyone else. */
export default async function ContractThreadPage({
  params,
}: {
  params: Promise<{ contractId: string }>;
}) {
  const viewer = await requireViewer();
  const parsed = z.uuid().safeParse((await params).contractId);
  if (!parsed.success) notFound();
  const { db } = await getDatabase();
  const opened = await openThreadOf(
    db,
    { userId: viewer.user.id, isAdmin: viewer.isAdmin },
    { kind: 'contract', id: parsed.data },
  );
  if (!opened.ok) notFound();
  redirect(`/messages/${opened.threadId}`);
}
