import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './confirm-step.module.css';

type Props = {
  /** The question, naming the thing: "Remove US bank account (checking) ending 0417?" */
  question: ReactNode;
  /** What will happen, one plain sentence each, consequences a person cannot undo first. */
  consequences: ReactNode[];
  /** The form that posts the real action; its submit button is drawn as the danger button. */
  children: ReactNode;
  /** Back to where the person came from, with nothing changed. */
  cancelHref: string;
  cancelLabel?: string;
};

/**
 * The confirmation step of a destructive action: a page of its own, reached by a link, so it
 * works without JavaScript. It only asks; the action it posts checks everything again.
 */
export function ConfirmStep({
  question,
  consequences,
  children,
  cancelHref,
  cancelLabel = 'Cancel, keep everything as it is',
}: Props) {
  return (
    <section aria-labelledby="confirm-question" className={styles.confirm}>
      <h2 id="confirm-question" className={styles.question}>
        {question}
      </h2>
      <p className={styles.lead}>If you go ahead:</p>
      <ul className={styles.consequences}>
        {consequences.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      <div className={styles.danger}>{children}</div>
      <p className={styles.cancel}>
        <Link href={cancelHref}>{cancelLabel}</Link>
      </p>
    </section>
  );
}
