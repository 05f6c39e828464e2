import { Button, ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { BADGES, StatusBadge } from '@/components/ui/status-badge';
import styles from './gallery.module.css';

const COLOURS = [
  'ink',
  'muted',
  'brand',
  'brand-soft',
  'line',
  'bg',
  'surface',
  'focus',
  'neutral',
  'info',
  'success',
  'warning',
  'danger',
  'neutral-soft',
  'info-soft',
  'success-soft',
  'warning-soft',
  'danger-soft',
];
const TEXT_SIZES = ['2xl', 'xl', 'lg', 'md', 'sm', 'xs'];
const SPACES = [1, 2, 3, 4, 5, 6, 7];

export function TokensSection() {
  return (
    <Card id="tokens" title="Tokens">
      <h3 className={styles.kind}>Colours</h3>
      <ul className={styles.swatches}>
        {COLOURS.map((name) => (
          <li key={name} className={styles.swatch}>
            <span className={styles.chip} style={{ background: `var(--color-${name})` }} />
            <code>--color-{name}</code>
          </li>
        ))}
      </ul>
      <h3 className={styles.kind}>Type scale</h3>
      <ul className={styles.scale}>
        {TEXT_SIZES.map((size) => (
          <li key={size} style={{ fontSize: `var(--text-${size})` }}>
            --text-{size}: Pay the people you already work with
          </li>
        ))}
      </ul>
      <h3 className={styles.kind}>Spacing</h3>
      <ul className={styles.spaces}>
        {SPACES.map((step) => (
          <li key={step}>
            <span className={styles.bar} style={{ width: `var(--space-${step})` }} />
            <code>--space-{step}</code>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function ButtonsSection() {
  return (
    <Card id="buttons" title="Buttons">
      <p>A button posts its form; a button link goes somewhere. Both look the same.</p>
      <div className={styles.row}>
        <Button type="button">Send the invite</Button>
        <Button type="button" variant="secondary">
          Save as draft
        </Button>
        <Button type="button" variant="danger">
          Revoke the invite
        </Button>
      </div>
      <div className={styles.row}>
        <ButtonLink href="/dev/ui#buttons">Invite a freelancer</ButtonLink>
        <ButtonLink href="/dev/ui#buttons" variant="secondary">
          Bulk invite
        </ButtonLink>
        <ButtonLink href="/dev/ui#buttons" variant="danger">
          Close the account
        </ButtonLink>
      </div>
      <div className={styles.row}>
        <Button type="button" disabled>
          Working…
        </Button>
        <Button type="button" variant="secondary" disabled>
          Working…
        </Button>
      </div>
      <Button type="button" block>
        A full-width button
      </Button>
    </Card>
  );
}

export function BadgesSection() {
  return (
    <Card id="badges" title="Status badges">
      <p>One per state of each thing that has states. The word carries the meaning.</p>
      <h3 className={styles.kind}>Invite</h3>
      <ul className={styles.badges}>
        {(Object.keys(BADGES.invite) as (keyof typeof BADGES.invite)[]).map((status) => (
          <li key={status}>
            <StatusBadge kind="invite" status={status} />
          </li>
        ))}
      </ul>
      <h3 className={styles.kind}>Contract</h3>
      <ul className={styles.badges}>
        {(Object.keys(BADGES.contract) as (keyof typeof BADGES.contract)[]).map((status) => (
          <li key={status}>
            <StatusBadge kind="contract" status={status} />
          </li>
        ))}
      </ul>
      <h3 className={styles.kind}>Milestone</h3>
      <ul className={styles.badges}>
        {(Object.keys(BADGES.milestone) as (keyof typeof BADGES.milestone)[]).map((status) => (
          <li key={status}>
            <StatusBadge kind="milestone" status={status} />
          </li>
        ))}
      </ul>
      <h3 className={styles.kind}>Payout</h3>
      <ul className={styles.badges}>
        {(Object.keys(BADGES.payout) as (keyof typeof BADGES.payout)[]).map((status) => (
          <li key={status}>
            <StatusBadge kind="payout" status={status} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function CardsSection() {
  return (
    <div id="cards">
      <Card title="Cards" actions={<a href="/dev/ui#cards">An action beside the title</a>}>
        <p>A card with a title is a region named by its heading. The cards below are toned.</p>
      </Card>
      <Card title="Approved" headingLevel={3} tone="success">
        <p>Your documents were approved on 2 December.</p>
      </Card>
      <Card title="Needs another look" headingLevel={3} tone="danger">
        <p>The photo of your ID was blurred. Upload a sharper one.</p>
      </Card>
      <Card title="Waiting for the client" headingLevel={3} tone="warning">
        <p>Milestone 1 is not funded yet.</p>
      </Card>
      <Card title="Under review" headingLevel={3} tone="info">
        <p>We answer within two business days.</p>
      </Card>
      <Card>
        <p>A card without a title is a plain box.</p>
      </Card>
    </div>
  );
}
