import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdmin } from './require-admin';

export const metadata: Metadata = { title: 'Ops', robots: { index: false } };

export default async function AdminHomePage() {
  await requireAdmin();
  return (
    <>
      <h1>Ops</h1>
      <ul>
        <li>
          <Link href="/admin/compliance">Compliance review queue</Link>
        </li>
        <li>
          <Link href="/admin/milestone-refunds">Milestone refund decisions</Link>
        </li>
        <li>
          <Link href="/admin/audit">Audit log</Link>
        </li>
      </ul>
    </>
  );
}
