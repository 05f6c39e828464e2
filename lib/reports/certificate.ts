import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { freelancerProfiles, users } from '@/db/schema';
import { formatLongDate } from '@/lib/dates/format';
import { formatMoney } from '@/lib/money/money';
import { earningsBy, totalsOf } from './earnings';
import { describePeriod, type ReportPeriod } from './period';

/** What the certificate of earnings PDF prints: every string ready, nothing computed there. */
export type EarningsCertificate = {
  freelancerName: string;
  period: string;
  issued: string;
  clients: { key: string; name: string; net: string }[];
  totals: { currency: string; net: string }[];
  statement: string;
};

async function freelancerNameOf(db: DbOrTx, freelancerId: string): Promise<string> {
  const [row] = await db
    .select({
      name: users.name,
      email: users.email,
      firstName: freelancerProfiles.firstName,
      lastName: freelancerProfiles.lastName,
    })
    .from(users)
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
    .where(eq(users.id, freelancerId));
  const profileName = [row?.firstName, row?.lastName].filter(Boolean).join(' ');
  return profileName || row?.name || row?.email || 'Freelancer';
}

/**
 * The freelancer's certificate of earnings for the period: net earned by client and in all
 * (the same figures as the report's client table), the issue date and a statement.
 */
export async function earningsCertificate(
  db: DbOrTx,
  freelancerId: string,
  period: ReportPeriod,
  issuedAt: Date,
): Promise<EarningsCertificate> {
  const [name, rows] = await Promise.all([
    freelancerNameOf(db, freelancerId),
    earningsBy(db, freelancerId, period, 'client'),
  ]);
  const totals = totalsOf(rows).map((t) => ({
    currency: t.currency,
    net: formatMoney(t.netCents, t.currency),
  }));
  const periodText = describePeriod(period);
  const all = totals.length > 0 ? totals.map((t) => t.net).join(' and ') : formatMoney(0);
  return {
    freelancerName: name,
    period: `${periodText} (UTC)`,
    issued: formatLongDate(issuedAt),
    clients: rows.map((r) => ({
      key: `${r.key}:${r.currency}`,
      name: r.label,
      net: formatMoney(r.netCents, r.currency),
    })),
    totals,
    statement:
      `Workbridge certifies that ${name} earned ${all} net of service fees through Workbridge ` +
      `in ${periodText} (UTC months), as released to them from their clients' payments and ` +
      `recorded in Workbridge's ledger.`,
  };
}
