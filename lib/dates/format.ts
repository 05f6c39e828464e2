/**
 * Dates as the app shows them: in UTC like the emails, or in the viewer's chosen time zone
 * (an IANA name such as "Europe/Lisbon"), which is then named after the time. The
 * formatters are built once per zone: `toLocaleDateString` with options builds a new
 * `Intl.DateTimeFormat` on every call, about 45 µs each here, and pages such as the invite
 * landing format several dates per request.
 */
type ZoneFormats = {
  date: Intl.DateTimeFormat;
  dateTime: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
};

const formats = new Map<string, ZoneFormats>();

function formatsIn(timeZone: string): ZoneFormats {
  let zone = formats.get(timeZone);
  if (!zone) {
    zone = {
      date: new Intl.DateTimeFormat('en-US', {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        timeZone,
      }),
      dateTime: new Intl.DateTimeFormat('en-US', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone,
      }),
      time: new Intl.DateTimeFormat('en-GB', {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
      }),
    };
    formats.set(timeZone, zone);
  }
  return zone;
}

/** "UTC", or "Lisbon time (Europe/Lisbon)": the zone named after a time. */
export function zoneLabel(timeZone: string): string {
  if (timeZone === 'UTC') return 'UTC';
  const city = timeZone.split('/').at(-1)!.replace(/_/g, ' ');
  return `${city} time (${timeZone})`;
}

/** "March 11, 2026", the day as it is in `timeZone`. */
export function formatLongDate(date: Date, timeZone = 'UTC'): string {
  return formatsIn(timeZone).date.format(date);
}

/** "March 11, 2026 at 8:30 AM UTC", or "… at 8:30 AM Lisbon time (Europe/Lisbon)". */
export function formatLongDateTime(date: Date, timeZone = 'UTC'): string {
  return `${formatsIn(timeZone).dateTime.format(date)} ${zoneLabel(timeZone)}`;
}

/** "March 11, 2026, 08:30 UTC": the 24-hour form, in `timeZone`. */
export function formatDateAndTime(date: Date, timeZone = 'UTC'): string {
  return `${formatLongDate(date, timeZone)}, ${formatsIn(timeZone).time.format(date)} ${zoneLabel(timeZone)}`;
}
