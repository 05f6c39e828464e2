import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { requireViewer } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Client dashboard' };

export default async function ClientDashboardPage() {
  const viewer = await requireViewer();
  if (!viewer.workspace) redirect('/welcome?add=client');
  return (
    <>
      <h1>{viewer.workspace.name}</h1>
      <p className="muted">
        Client workspace · {viewer.workspace.type}
      </p>
      <div className="card">
        <h2>Invites</h2>
        <p>You have not invited anyone yet.</p>
      </div>
    </>
  );
}
