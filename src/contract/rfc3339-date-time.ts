// Ranges are checked by the expression itself (months 01–12, days 01–31, hours 00–23, offsets up to
// 23:59), so the common case is one `test` with no captures; only days past the 28th and leap seconds
// need the few comparisons below.
const DATE_TIME =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt ](?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * True for an RFC 3339 `date-time` (section 5.6): a real calendar date, hours 00–23, a `Z` or `±hh:mm`
 * offset within range, and a leap second only where it falls at 23:59:60 UTC. It checks every run's
 * two timestamps on every page, so it is kept to one expression and rare arithmetic (ajv-formats'
 * version splits the string and runs several expressions for the same verdict).
 */
export function isRfc3339DateTime(text: string): boolean {
  if (!DATE_TIME.test(text)) return false;
  const day = Number(text.slice(8, 10));
  if (day > 28) {
    const year = Number(text.slice(0, 4));
    const month = Number(text.slice(5, 7));
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0))) return false;
  }
  if (text.slice(17, 19) !== '60') return true;
  // A leap second is only ever inserted at the end of a UTC day.
  const zone = /[Zz]|[+-]\d\d:\d\d$/.exec(text)?.[0] ?? 'Z';
  const offset = zone.length === 1 ? 0 : Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
  const local = Number(text.slice(11, 13)) * 60 + Number(text.slice(14, 16));
  const utc = (((local + (zone.startsWith('-') ? offset : -offset)) % 1440) + 1440) % 1440;
  return utc === 23 * 60 + 59;
}
