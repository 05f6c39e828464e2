import { useId, type ReactNode } from 'react';
import styles from './card.module.css';

/**
 * A white panel. With a title it is a labelled region (a <section> named by its heading),
 * so a screen reader can jump to it; without one it is a plain box.
 */
export function Card({
  id,
  title,
  headingLevel = 2,
  actions,
  tone,
  children,
}: {
  /** An anchor to link to (#id). */
  id?: string;
  title?: ReactNode;
  headingLevel?: 2 | 3;
  /** Links or buttons shown beside the title. */
  actions?: ReactNode;
  /** A coloured edge for a card about something that went well or wrong. */
  tone?: 'success' | 'danger' | 'warning' | 'info';
  children: ReactNode;
}) {
  const headingId = useId();
  const className = [styles.card, tone ? styles[tone] : ''].join(' ').trim();
  if (!title)
    return (
      <div id={id} className={className}>
        {children}
      </div>
    );
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section id={id} className={className} aria-labelledby={headingId}>
      <div className={styles.head}>
        <Heading id={headingId} className={styles.title}>
          {title}
        </Heading>
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
      {children}
    </section>
  );
}
