import Link from 'next/link';
import { formatLongDate } from '@/lib/dates/format';
import type { FindWorkMenu } from '@/lib/find-work/service';
import { FREELANCER_STATUS_LABELS } from '@/lib/proposals/labels';
import styles from './find-work.module.css';
import { VisibilityForm } from '@/components/profile/visibility-form';
import { setFindWorkVisibilityAction } from './actions';
import { MenuAvailabilityForm } from './menu-forms';

/** The Find Work side menu (SPEC 5): the profile's two settings, proposals, and the way on. */
export function SideMenu({ menu, timeZone }: { menu: FindWorkMenu; timeZone: string }) {
  const { proposals } = menu;
  return (
    <aside aria-labelledby="menu-heading" className={styles.menu}>
      <h2 id="menu-heading">Your Find Work menu</h2>
      <section aria-labelledby="profile-heading" className="card">
        <h3 id="profile-heading">Your profile</h3>
        <p className="muted">
          {menu.publicPath ? (
            <Link href={menu.publicPath}>See your profile as others see it</Link>
          ) : (
            <Link href="/settings/profile">Write your profile</Link>
          )}{' '}
          · <Link href="/help/hide-your-profile">How visibility works</Link>
        </p>
        <VisibilityForm
          action={setFindWorkVisibilityAction}
          current={menu.visibility}
          legend="Profile visibility"
        />
        <MenuAvailabilityForm current={menu.availability} />
      </section>
      <section aria-labelledby="proposals-heading" className="card">
        <h3 id="proposals-heading">Proposals in progress ({proposals.count})</h3>
        {proposals.items.length > 0 ? (
          <ul>
            {proposals.items.map((p) => (
              <li key={p.id}>
                <Link href={`/proposals/${p.id}`}>{p.jobTitle}</Link>{' '}
                <span className="muted">
                  ({FREELANCER_STATUS_LABELS[p.status]}, {formatLongDate(p.submittedAt, timeZone)})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">None waiting on a client.</p>
        )}
        <p>
          <Link href="/proposals">All proposals</Link>
        </p>
      </section>
      <nav aria-label="Find Work" className="card">
        <ul>
          <li>
            <Link href="/find-work/search">Search jobs</Link>
          </li>
          <li>
            <Link href="/find-work/search">Saved searches (on the search page)</Link>
          </li>
          <li>
            <Link href="/messages">Messages</Link>
          </li>
        </ul>
      </nav>
    </aside>
  );
}
