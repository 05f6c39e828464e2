import type { ReactElement } from 'react';
import { Document, Page, Text, View, type DocumentProps } from '@react-pdf/renderer';
import type { EarningsCertificate } from '@/lib/reports/certificate';
import { invoicePdfStyles as styles, PdfHead } from '../../../invoices/[id]/pdf/invoice-pdf';

/** The certificate of earnings: one A4 page, in the invoice PDF's styles. */
export function certificatePdf(
  doc: EarningsCertificate,
  issuedAt: Date,
): ReactElement<DocumentProps> {
  return (
    <Document
      title={`Certificate of earnings: ${doc.freelancerName}`}
      author="Workbridge"
      subject={doc.period}
      creator="Workbridge"
      producer="Workbridge"
      creationDate={issuedAt}
      language="en"
    >
      <Page size="A4" style={styles.page}>
        <PdfHead
          title="Certificate of earnings"
          subtitle={doc.freelancerName}
          facts={[
            ['Period', doc.period],
            ['Issued', doc.issued],
          ]}
        />

        <View style={styles.th}>
          <Text style={styles.cellMain}>Client</Text>
          <Text style={styles.cellNumber}>Net earned</Text>
        </View>
        {doc.clients.map((client) => (
          <View key={client.key} style={styles.tr} wrap={false}>
            <Text style={styles.cellMain}>{client.name}</Text>
            <Text style={styles.cellNumber}>{client.net}</Text>
          </View>
        ))}
        {doc.clients.length === 0 ? (
          <View style={styles.tr}>
            <Text style={styles.cellMain}>No earnings in this period.</Text>
          </View>
        ) : null}

        <View style={styles.totals}>
          {(doc.totals.length > 0 ? doc.totals : [{ currency: 'USD', net: '$0.00' }]).map((t) => (
            <View key={t.currency} style={[styles.total, styles.net]}>
              <Text>Total earned ({t.currency})</Text>
              <Text>{t.net}</Text>
            </View>
          ))}
        </View>

        <View style={[styles.section, { marginTop: 24 }]}>
          <Text>{doc.statement}</Text>
        </View>
        <Text style={styles.footer}>
          Amounts are net of Workbridge service fees, in the currency of each contract, counted when
          released to the freelancer. Issued on {doc.issued}.
        </Text>
      </Page>
    </Document>
  );
}
