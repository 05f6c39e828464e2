import type { Metadata } from 'next';
import { getDatabase } from '@/db';
import { PageHeader } from '@/components/ui/page-header';
import { RedirectNotice } from '@/components/redirect-notice';
import { loadFindWorkFeed, loadFindWorkMenu } from '@/lib/find-work/service';
import { AVAILABILITY_LABELS } from '@/lib/profile/availability';
import { VISIBILITY_LABELS } from '@/lib/profile/visibility';
import { timeZoneOfViewer } from '../contracts/viewer';
import { requireFreelancerViewer } from '../settings/viewer';
import { Feed } from './feed';
import { SideMenu } from './side-menu';

export const metadata: Metadata = { title: 'Find Work', robots: { index: false } };

type Props = { searchParams: Promise<{ notice?: string }> };

/** The Find Work home (SPEC 5): the feed beside the side menu. */
export default async function FindWorkPage({ searchParams }: Props) {
  const viewer = await requireFreelancerViewer();
  const timeZone = timeZoneOfViewer(viewer, 'freelancer');
  const { notice } = await searchParams;
  const { db } = await getDatabase();
  const [sections, menu] = await Promise.all([
    loadFindWorkFeed(db, viewer.user.id),
    loadFindWorkMenu(db, viewer.user.id),
  ]);
  return (
    <>
      <PageHeader
        title="Find Work"
        description="Jobs picked for you from your saved searches or your skills, and what clients see of you."
      />
      <RedirectNotice
        notice={notice}
        messages={{
          'visibility-saved': `Visibility saved: ${VISIBILITY_LABELS[menu.visibility].label}.`,
          'availability-saved': `Availability saved: ${AVAILABILITY_LABELS[menu.availability].label}.`,
        }}
      />
      <div className="grid-2">
        <Feed sections={sections} timeZone={timeZone} />
        <SideMenu menu={menu} timeZone={timeZone} />
      </div>
    </>
  );
}
