import Link from 'next/link';
import { DataTable, type Column } from '@/components/ui/data-table';
import { DefinitionList } from '@/components/ui/definition-list';
import type { InvoiceDocument, InvoiceDocumentLine } from '@/lib/invoices/document';
import styles from './invoice.module.css';

/**
 * The printable invoice, drawn from invoiceDocument() as the PDF is: the same words and the
 * same stored cents. No JavaScript: printing is the browser's own.
 */
export function InvoiceView({ doc }: { doc: InvoiceDocument }) {
  const columns: Column<InvoiceDocumentLine>[] = doc.hasHours
    ? [
        { label: 'Day (UTC)', primary: true, cell: (line) => line.date ?? line.description },
        { label: 'Hours', align: 'end', cell: (line) => line.hours ?? '—' },
        { label: 'Rate', align: 'end', cell: (line) => line.rate ?? '—' },
        { label: 'Amount', align: 'end', cell: (line) => line.amount },
      ]
    : [
        { label: 'Description', primary: true, cell: (line) => line.description },
        { label: 'Amount', align: 'end', cell: (line) => line.amount },
      ];
  return (
    <article className={styles.invoice} aria-labelledby="invoice-title">
      <header className={styles.head}>
        <div>
          <p className={styles.brand}>Workbridge</p>
          <h1 id="invoice-title" className={styles.title}>
            {doc.title} {doc.number}
          </h1>
          <p className={styles.muted}>{doc.kindLabel}</p>
        </div>
        <DefinitionList
          items={[
            { label: 'Number', value: doc.number },
            { label: 'Issued', value: doc.issued },
            { label: 'Payment', value: doc.paymentStatus.label },
          ]}
        />
      </header>

      <div className={styles.parties}>
        {[doc.parties.client, doc.parties.freelancer].map((party) => (
          <section key={party.label} aria-label={party.label}>
            <h2 className={styles.partyLabel}>{party.label}</h2>
            {party.lines.map((line) => (
              <p key={line} className={styles.partyLine}>
                {line}
              </p>
            ))}
          </section>
        ))}
      </div>

      <DefinitionList
        items={[
          { label: 'Contract', value: doc.contractTitle },
          ...(doc.period
            ? [
                {
                  label: doc.period.label,
                  value: doc.period.lines.map((line) => (
                    <span key={line} className={styles.block}>
                      {line}
                    </span>
                  )),
                },
              ]
            : []),
          ...(doc.description ? [{ label: 'Description', value: doc.description }] : []),
          ...(doc.credits
            ? [
                {
                  label: 'Credits invoice',
                  value: <Link href={`/invoices/${doc.credits.id}`}>{doc.credits.number}</Link>,
                },
              ]
            : []),
        ]}
      />

      <DataTable
        caption={`Lines of ${doc.number}`}
        columns={columns}
        rows={doc.lines}
        rowKey={(line) => line.key}
      />

      <section aria-label="Totals" className={styles.totals}>
        <DefinitionList
          items={[
            { label: doc.totals.grossLabel, value: doc.totals.gross },
            { label: doc.totals.feeLabel, value: doc.totals.fee },
            { label: doc.totals.netLabel, value: doc.totals.net },
          ]}
        />
      </section>

      <p>
        <strong>Where the money is:</strong> {doc.money}
      </p>
      <p className={styles.muted}>
        Issued by Workbridge for the contract above. Amounts are fixed when the invoice is issued
        and never change; a refund is issued as a credit note.
      </p>
    </article>
  );
}
