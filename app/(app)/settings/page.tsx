import { redirect } from 'next/navigation';
import { requireViewer } from '@/lib/auth/session';

export default async function SettingsIndexPage() {
  const viewer = await requireViewer();
  redirect(viewer.isFreelancer ? '/settings/payout' : '/settings/account');
}
