import type { ReactElement } from 'react';
import { Document, Page, StyleSheet, Text, View, type DocumentProps } from '@react-pdf/renderer';
import type { InvoiceDocument } from '@/lib/invoices/document';

const styles = StyleSheet.create({
  page: { padding: 40, fontSize: 10, fontFamily: 'Helvetica', color: '#1f2937' },
  brand: { fontSize: 12, fontFamily: 'Helvetica-Bold', color: '#1d4ed8' },
  title: { fontSize: 18, fontFamily: 'Helvetica-Bold', marginTop: 4, marginBottom: 2 },
  muted: { color: '#4b5563' },
  row: { flexDirection: 'row' },
  head: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 20 },
  facts: { width: 230 },
  fact: { flexDirection: 'row', marginBottom: 2 },
  factLabel: { width: 70, color: '#4b5563' },
  factValue: { flex: 1 },
  parties: { flexDirection: 'row', marginBottom: 16 },
  party: { flex: 1, paddingRight: 12 },
  partyLabel: { fontSize: 8, color: '#4b5563', marginBottom: 2 },
  section: { marginBottom: 12 },
  th: {
    flexDirection: 'row',
    borderBottomWidth: 1,
    borderBottomColor: '#9ca3af',
    paddingBottom: 4,
    fontFamily: 'Helvetica-Bold',
  },
  tr: {
    flexDirection: 'row',
    borderBottomWidth: 0.5,
    borderBottomColor: '#e5e7eb',
    paddingVertical: 4,
  },
  cellMain: { flex: 1 },
  cellNumber: { width: 80, textAlign: 'right' },
  totals: { marginTop: 12, marginLeft: 'auto', width: 240 },
  total: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 3 },
  net: { fontFamily: 'Helvetica-Bold' },
  footer: { marginTop: 24, color: '#4b5563', fontSize: 8 },
});

/** A Workbridge PDF's head: the brand, the title and a line under it, and the facts beside. */
export function PdfHead({
  title,
  subtitle,
  facts,
}: {
  title: string;
  subtitle: string;
  facts: [label: string, value: string][];
}) {
  return (
    <View style={styles.head}>
      <View>
        <Text style={styles.brand}>Workbridge</Text>
        <Text style={styles.title}>{title}</Text>
        <Text style={styles.muted}>{subtitle}</Text>
      </View>
      <View style={styles.facts}>
        {facts.map(([label, value]) => (
          <View key={label} style={styles.fact}>
            <Text style={styles.factLabel}>{label}</Text>
            <Text style={styles.factValue}>{value}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/**
 * The invoice as a PDF document element (for renderToBuffer): the same invoiceDocument()
 * the page renders, laid out for A4.
 */
export function invoicePdf(doc: InvoiceDocument, issuedAt: Date): ReactElement<DocumentProps> {
  return (
    <Document
      title={`${doc.title} ${doc.number}`}
      author="Workbridge"
      subject={doc.contractTitle}
      creator="Workbridge"
      producer="Workbridge"
      // The file says when the invoice was issued, not when it was downloaded.
      creationDate={issuedAt}
      language="en"
    >
      <Page size="A4" style={styles.page}>
        <PdfHead
          title={`${doc.title} ${doc.number}`}
          subtitle={doc.kindLabel}
          facts={[
            ['Number', doc.number],
            ['Issued', doc.issued],
            ['Payment', doc.paymentStatus.label],
          ]}
        />

        <View style={styles.parties}>
          {[doc.parties.client, doc.parties.freelancer].map((party) => (
            <View key={party.label} style={styles.party}>
              <Text style={styles.partyLabel}>{party.label.toUpperCase()}</Text>
              {party.lines.map((line) => (
                <Text key={line}>{line}</Text>
              ))}
            </View>
          ))}
        </View>

        <View style={styles.section}>
          <Text>Contract: {doc.contractTitle}</Text>
          {doc.period ? (
            <>
              <Text>{doc.period.label}:</Text>
              {doc.period.lines.map((line) => (
                <Text key={line}>{line}</Text>
              ))}
            </>
          ) : null}
          {doc.description ? <Text>Description: {doc.description}</Text> : null}
          {doc.credits ? <Text>Credits invoice {doc.credits.number}</Text> : null}
        </View>

        <View style={styles.th}>
          <Text style={styles.cellMain}>{doc.hasHours ? 'Day (UTC)' : 'Description'}</Text>
          {doc.hasHours ? <Text style={styles.cellNumber}>Hours</Text> : null}
          {doc.hasHours ? <Text style={styles.cellNumber}>Rate</Text> : null}
          <Text style={styles.cellNumber}>Amount</Text>
        </View>
        {doc.lines.map((line) => (
          <View key={line.key} style={styles.tr} wrap={false}>
            <Text style={styles.cellMain}>{line.date ?? line.description}</Text>
            {doc.hasHours ? <Text style={styles.cellNumber}>{line.hours ?? '-'}</Text> : null}
            {doc.hasHours ? <Text style={styles.cellNumber}>{line.rate ?? '-'}</Text> : null}
            <Text style={styles.cellNumber}>{line.amount}</Text>
          </View>
        ))}

        <View style={styles.totals}>
          <View style={styles.total}>
            <Text>{doc.totals.grossLabel}</Text>
            <Text>{doc.totals.gross}</Text>
          </View>
          <View style={styles.total}>
            <Text>{doc.totals.feeLabel}</Text>
            <Text>{doc.totals.fee}</Text>
          </View>
          <View style={[styles.total, styles.net]}>
            <Text>{doc.totals.netLabel}</Text>
            <Text>{doc.totals.net}</Text>
          </View>
        </View>

        <View style={styles.section}>
          <Text>Where the money is: {doc.money}</Text>
        </View>
        <Text style={styles.footer}>
          Issued by Workbridge for the contract above. Amounts are fixed when the invoice is issued
          and never change; a refund is issued as a credit note.
        </Text>
      </Page>
    </Document>
  );
}

/** The invoice's PDF styles, shared with the certificate of earnings (one look for both). */
export { styles as invoicePdfStyles };
