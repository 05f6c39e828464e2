'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const FREELANCER_LINKS = [
  { href: '/settings/payout', label: 'Payout methods' },
  { href: '/settings/tax', label: 'Tax information' },
  { href: '/settings/profile', label: 'Profile' },
  { href: '/settings/visibility', label: 'Profile visibility' },
];
const ACCOUNT_LINK = { href: '/settings/account', label: 'Account' };

export function SettingsNav({ isFreelancer }: { isFreelancer: boolean }) {
  const pathname = usePathname();
  const links = isFreelancer ? [...FREELANCER_LINKS, ACCOUNT_LINK] : [ACCOUNT_LINK];
  return (
    <nav aria-label="Settings" className="settings-nav">
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={pathname.startsWith(link.href) ? 'page' : undefined}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
