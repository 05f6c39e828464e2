import Link from 'next/link';
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import styles from './button.module.css';

export type ButtonVariant = 'primary' | 'secondary' | 'danger';

const classFor = (variant: ButtonVariant, block: boolean | undefined, extra?: string) =>
  [styles.button, styles[variant], block ? styles.block : '', extra ?? ''].join(' ').trim();

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & {
  variant?: ButtonVariant;
  /** Submits its form unless told otherwise: every form here works without JavaScript. */
  type?: 'submit' | 'button' | 'reset';
  /** Full width on every screen (the main action of a narrow form). */
  block?: boolean;
};

/** A real <button>: in a <form> it posts, so it works before (and without) JavaScript. */
export function Button({
  variant = 'primary',
  type = 'submit',
  block,
  className,
  ...rest
}: ButtonProps) {
  return <button type={type} className={classFor(variant, block, className)} {...rest} />;
}

/** A link that looks like a button: for actions that are a place to go, not a change. */
export function ButtonLink({
  href,
  variant = 'primary',
  block,
  children,
}: {
  href: string;
  variant?: ButtonVariant;
  block?: boolean;
  children: ReactNode;
}) {
  return (
    <Link href={href} className={classFor(variant, block)}>
      {children}
    </Link>
  );
}
