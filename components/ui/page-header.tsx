import type { ReactNode } from 'react';
import styles from './page-header.module.css';

/** The page's one <h1>, what it is about, and its main actions. */
export function PageHeader({
  title,
  description,
  actions,
  back,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** A way back up ("← All invites"), above the title. */
  back?: ReactNode;
}) {
  return (
    <header className={styles.header}>
      {back && <p className={styles.back}>{back}</p>}
      <div className={styles.row}>
        <div className={styles.text}>
          <h1 className={styles.title}>{title}</h1>
          {description && <div className={styles.description}>{description}</div>}
        </div>
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
    </header>
  );
}
