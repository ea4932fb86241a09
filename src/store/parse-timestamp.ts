/** A timestamp the store accepts, exactly: its instant and its text in the server's format. */
export interface ParsedTimestamp {
  /**
   * Microseconds since the epoch, rounded to the nearest double. Exact within ±2^53 µs of the epoch
   * (years 1685–2255); beyond that two instants may share a value, and `text` then decides their order.
   */
  readonly micros: number;
  /** The same instant as the Agent Server writes it: UTC, six fraction digits, `+00:00`. */
  readonly text: string;
}

/** The first and last instants a timestamp may name (years 1–9999, as Python's `datetime`), in UTC. */
export const EARLIEST_TIMESTAMP = '0001-01-01T00:00:00.000000+00:00';
/** See `EARLIEST_TIMESTAMP`. */
export const LATEST_TIMESTAMP = '9999-12-31T23:59:59.999999+00:00';

const PATTERN = /^(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?:[Zz]|([+-])(\d\d):(\d\d))$/;
const CANONICAL =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}\+00:00$/;
const SECONDS_PER_DAY = 86_400;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Reads an RFC 3339 `date-time` with an offset (`Z` or `±hh:mm`), years 1–9999 in UTC, and returns its
 * instant and its text in the server's format; or, for anything else, a sentence saying what is wrong.
 * A leap second (`:60`) is refused: Python's `datetime`, which the Agent Server stores, cannot hold one.
 * Digits past the microsecond are dropped, as Python's `datetime.fromisoformat` drops them.
 *
 * @example
 * parseTimestamp('2026-06-01T14:00:00.5+02:00'); // { micros: …, text: '2026-06-01T12:00:00.500000+00:00' }
 */
export function parseTimestamp(text: string): ParsedTimestamp | string {
  // Most timestamps are already in the server's format (every stored or exported one): read those with
  // one capture-free test and `Date.parse`, which reads a four-digit ISO year as written.
  if (isCanonicalTimestamp(text)) {
    return { micros: Date.parse(`${text.slice(0, 19)}Z`) * 1000 + Number(text.slice(20, 26)), text };
  }
  const match = PATTERN.exec(text);
  if (match === null) {
    return 'must be an RFC 3339 date-time with an offset, e.g. 2026-06-01T12:00:00.000000+00:00';
  }
  const [, y, mo, d, h, mi, s, fraction = '', sign, oh = '0', om = '0'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const [hour, minute, second] = [Number(h), Number(mi), Number(s)];
  if (year < 1) return 'must be in a year from 0001 to 9999';
  if (month < 1 || month > 12) return `has no month ${mo}`;
  if (day < 1 || day > daysInMonth(year, month)) return `has no day ${d} in ${y}-${mo}`;
  if (hour > 23 || minute > 59) return `has no time ${h}:${mi}`;
  if (second === 60) return 'is a leap second (:60), which the server cannot store';
  if (second > 59) return `has no second ${s}`;
  if (Number(oh) > 23 || Number(om) > 59) return `has no offset ${sign ?? ''}${oh}:${om}`;
  const offsetSeconds = (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60);
  const seconds =
    daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - offsetSeconds;
  if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
    return `must fall between ${EARLIEST_TIMESTAMP} and ${LATEST_TIMESTAMP} in UTC`;
  }
  const micros = Number(fraction.slice(0, 6).padEnd(6, '0'));
  return { micros: seconds * 1_000_000 + micros, text: formatUtc(seconds, micros) };
}

/**
 * True when `parseTimestamp` accepts `text` and returns it unchanged: a real date in years 1–9999 already
 * in the server's format (UTC, six fraction digits, `+00:00`). Such texts sort as their instants do.
 */
export function isCanonicalTimestamp(text: string): boolean {
  if (!CANONICAL.test(text) || text.startsWith('0000')) return false;
  const day = Number(text.slice(8, 10));
  return day <= 28 || day <= daysInMonth(Number(text.slice(0, 4)), Number(text.slice(5, 7)));
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

const MIN_SECONDS = daysFromCivil(1, 1, 1) * SECONDS_PER_DAY;
const MAX_SECONDS = daysFromCivil(9999, 12, 31) * SECONDS_PER_DAY + SECONDS_PER_DAY - 1;

/** Formats whole seconds and microseconds apart, so years far from 1970 stay exact to the microsecond. */
function formatUtc(seconds: number, micros: number): string {
  const wholeSeconds = new Date(seconds * 1000).toISOString().slice(0, 19);
  return `${wholeSeconds}.${String(micros).padStart(6, '0')}+00:00`;
}
