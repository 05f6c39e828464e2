'use client';

import { FieldError } from '@/components/field';
import { OfferForm } from '@/components/offer/offer-form';
import type { ClientType } from '@/lib/compliance/rule';
import type { FormState } from '@/lib/forms';
import type { BulkReportRow } from '@/lib/invites/bulk';
import { formatMoney } from '@/lib/money/money';
import { bulkInviteAction, type BulkState } from '../actions';

type Report = { rows?: BulkReportRow[]; toSend?: number };

export function BulkInviteForm({
  feeBps,
  initial,
  clientType,
}: {
  feeBps: number;
  initial: Record<string, string>;
  clientType: ClientType;
}) {
  return (
    <OfferForm
      mode="bulk"
      action={bulkInviteAction as (s: FormState, f: FormData) => Promise<BulkState>}
      feeBps={feeBps}
      clientType={clientType}
      initial={initial}
      submitLabel="Check the list"
      before={(state) => <CsvFields csv={state && !state.ok ? state.values?.csv : undefined} />}
      renderAfter={(state) => <BulkReport state={state as (BulkState & Report) | null} />}
    />
  );
}

function CsvFields({ csv }: { csv?: string }) {
  return (
    <fieldset>
      <legend>The freelancers</legend>
      <div className="field">
        <label htmlFor="f-csv">Paste CSV</label>
        <p id="f-csv-hint" className="hint">
          One person per line: email, first name, last name, and optionally an hourly rate. At most
          500 lines.
        </p>
        <textarea
          id="f-csv"
          name="csv"
          rows={8}
          aria-describedby="f-csv-hint"
          defaultValue={csv ?? ''}
          key={csv ?? ''}
        />
      </div>
      <div className="field">
        <label htmlFor="f-csvFile">Or upload a CSV file</label>
        <input id="f-csvFile" name="csvFile" type="file" accept=".csv,text/csv" />
      </div>
    </fieldset>
  );
}

function BulkReport({ state }: { state: (BulkState & Report) | null }) {
  if (!state || state.ok) return null;
  const errors = state.fieldErrors?.csv;
  if (!state.rows) return <FieldError errors={errors} />;
  return (
    <section aria-labelledby="report-heading" className="card">
      <h2 id="report-heading">Check before sending</h2>
      <table>
        <caption className="muted">
          {state.toSend} will be sent · {state.rows.length - (state.toSend ?? 0)} skipped
        </caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Rate</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {state.rows.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <td>{row.email}</td>
              <td>{row.name}</td>
              <td>{row.rateCents === null ? '' : `${formatMoney(row.rateCents)}/h`}</td>
              <td>{row.outcome === 'send' ? 'Will send' : `Skipped: ${row.reason}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(state.toSend ?? 0) > 0 && (
        <button type="submit" name="intent" value="send">
          Send {state.toSend} invites
        </button>
      )}
    </section>
  );
}
