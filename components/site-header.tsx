import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button';
import type { Viewer } from '@/lib/auth/session';
import styles from './site-header.module.css';

type FormAction = (formData: FormData) => void | Promise<void>;

/**
 * Every page shows who is signed in and which side they are on. The root layout hands in
 * the viewer and the two actions: shared UI neither reads the session nor knows a route.
 */
export function SiteHeader({
  viewer,
  signOutAction,
  switchSideAction,
}: {
  viewer: Viewer | null;
  signOutAction: FormAction;
  switchSideAction: FormAction;
}) {
  const side = viewer?.user.activeSide;
  const otherSide = side === 'client' ? 'freelancer' : 'client';
  const holdsOtherSide = otherSide === 'client' ? Boolean(viewer?.workspace) : viewer?.isFreelancer;
  return (
    <header className={styles.header}>
      <div className={styles.bar}>
        <Link href="/" className={styles.brand}>
          Workbridge
        </Link>
        <nav aria-label="Main" className={styles.nav}>
          <ul>
            <li>
              <Link href="/help">Help</Link>
            </li>
            {side === 'client' && (
              <li>
                <Link href="/client">Client dashboard</Link>
              </li>
            )}
            {side === 'freelancer' && (
              <li>
                <Link href="/onboarding">My onboarding</Link>
              </li>
            )}
            {side === 'freelancer' && (
              <li>
                <Link href="/find-work">Find Work</Link>
              </li>
            )}
            {viewer && (
              <li>
                <Link href="/settings">Settings</Link>
              </li>
            )}
            {viewer?.isAdmin && (
              <li>
                <Link href="/admin">Review queue</Link>
              </li>
            )}
          </ul>
        </nav>
        {viewer ? (
          <div className={styles.who}>
            <span className={styles.identity}>
              Signed in as <strong>{viewer.user.email}</strong>
              {side === 'client' && viewer.workspace && (
                <> · client side ({viewer.workspace.name})</>
              )}
              {side === 'freelancer' && <> · freelancer side</>}
            </span>
            {side && holdsOtherSide && (
              <form action={switchSideAction}>
                <input type="hidden" name="side" value={otherSide} />
                <button type="submit" className={styles.linkButton}>
                  Switch to {otherSide} side
                </button>
              </form>
            )}
            <form action={signOutAction}>
              <button type="submit" className={styles.linkButton}>
                Sign out
              </button>
            </form>
          </div>
        ) : (
          <div className={styles.who}>
            <Link href="/sign-in">Sign in</Link>
            <ButtonLink href="/sign-up">Sign up</ButtonLink>
          </div>
        )}
      </div>
    </header>
  );
}
