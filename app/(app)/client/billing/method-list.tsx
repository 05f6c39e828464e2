import type { BillingMethodView } from '@/lib/billing/service';
import { MethodActions } from './method-actions';

/** The workspace's cards: brand and last 4 only, with their expiry. */
export function BillingMethodList({ methods }: { methods: BillingMethodView[] }) {
  if (methods.length === 0) return <p>You have not added a billing method yet.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Card</th>
          <th scope="col">Expires</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {methods.map((m) => (
          <tr key={m.id}>
            <th scope="row">
              {m.brand} •••• {m.last4} {m.isDefault && <span className="badge">Default</span>}
            </th>
            <td>{m.expires}</td>
            <td>
              <MethodActions methodId={m.id} title={m.title} isDefault={m.isDefault} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
