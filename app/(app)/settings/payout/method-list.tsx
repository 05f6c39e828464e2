import { formatHoldEnd, type PayoutMethodView } from '@/lib/payouts/present';
import { SECURITY_HOLD_DAYS } from '@/lib/payouts/service';
import { ConfirmLink } from '@/components/ui/confirm-link';
import { MethodActions } from './method-actions';

/**
 * The person's payout methods: masked titles, the holder name as typed, the hold status
 * (its end in the person's time zone).
 */
export function PayoutMethodList({
  methods,
  timeZone = 'UTC',
}: {
  methods: PayoutMethodView[];
  timeZone?: string;
}) {
  if (methods.length === 0) return <p>You have not added a payout method yet.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Method</th>
          <th scope="col">Status</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {methods.map((m) => (
          <tr key={m.id}>
            <th scope="row">
              {m.title} {m.isDefault && <span className="badge">Default</span>}
              {m.holderName && <span className="hint block">{m.holderName}</span>}
            </th>
            <td>
              {m.isUsable ? (
                'Ready for withdrawals'
              ) : (
                <>
                  Security hold: usable from {formatHoldEnd(m.usableAfter, timeZone)}
                  <span className="hint block">
                    A new method waits {SECURITY_HOLD_DAYS} days, so someone who gets into your
                    account cannot send your money to themselves at once.
                  </span>
                </>
              )}
            </td>
            <td>
              <div className="actions">
                <MethodActions methodId={m.id} title={m.title} isDefault={m.isDefault} />
                <ConfirmLink href={`/settings/payout/${m.id}/remove`}>
                  Remove<span className="visually-hidden">: {m.title}</span>
                </ConfirmLink>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
