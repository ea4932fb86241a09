const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * True for an RFC 3339 `date-time` (section 5.6): a real calendar date, hours 00–23, a `Z` or `±hh:mm`
 * offset within range, and a leap second only where it falls at 23:59:60 UTC. One regular expression
 * and a few comparisons: it checks every page's timestamps, so it is kept to what RFC 3339 asks
 * (ajv-formats' version splits the string and runs several expressions for the same verdict).
 */
export function isRfc3339DateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (match === null) return false;
  const [, y, mo, d, h, mi, s, sign, oh, om] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0))) return false;
  const offsetHours = Number(oh ?? 0);
  const offsetMinutes = Number(om ?? 0);
  if (hour > 23 || minute > 59 || offsetHours > 23 || offsetMinutes > 59) return false;
  if (second < 60) return true;
  if (second > 60) return false;
  // A leap second is only ever inserted at the end of a UTC day.
  const direction = sign === '-' ? 1 : -1;
  const utcMinutes =
    (((hour * 60 + minute + direction * (offsetHours * 60 + offsetMinutes)) % 1440) + 1440) % 1440;
  return utcMinutes === 23 * 60 + 59;
}
