import type { ReactNode } from 'react';
import { ButtonLink } from './button';

/**
 * The first click of a destructive action: a link to its confirmation step (ConfirmStep),
 * drawn as a danger button so it looks as dangerous as it is. Being a link, it changes nothing.
 */
export function ConfirmLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <ButtonLink href={href} variant="danger">
      {children}
    </ButtonLink>
  );
}
