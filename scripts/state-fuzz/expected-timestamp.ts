/**
 * The model's own reading of a timestamp a client sends (written apart from the server's, so the two can
 * disagree): RFC 3339 with an offset, a real calendar date, no leap second, years 1 to 9999 as written
 * and in UTC; an accepted value is normalised to the server's format, microseconds and `+00:00`.
 */
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

const MICROS_PER_DAY = 86_400_000_000n;

/** A timestamp in the server's format, or undefined when the server must refuse it with a 422. */
export function expectedTimestamp(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const match = RFC3339.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zulu, sign, oh, om] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  // Year 0 is refused as written even when its offset lands in year 1 UTC: Python's datetime, which
  // the Agent Server stores, cannot hold the local time either.
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  // A leap second (:60) is refused: nothing downstream can order it.
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (zulu === undefined) {
    if (Number(oh) > 23 || Number(om) > 59) return undefined;
    offsetMinutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  }
  // Digits past the microsecond are dropped, as Python's datetime keeps six.
  const micros = BigInt(fraction.slice(0, 6).padEnd(6, '0'));
  const local =
    BigInt(daysFromCivil(year, month, day)) * MICROS_PER_DAY +
    BigInt(((hour * 60 + minute) * 60 + second) * 1_000_000) +
    micros;
  const utc = local - BigInt(offsetMinutes) * 60_000_000n;
  return formatUtcMicros(utc);
}

/** `YYYY-MM-DDTHH:MM:SS.ffffff+00:00` for microseconds since the epoch; undefined outside years 1–9999. */
export function formatUtcMicros(epochMicros: bigint): string | undefined {
  const days = floorDiv(epochMicros, MICROS_PER_DAY);
  const inDay = epochMicros - days * MICROS_PER_DAY;
  const [year, month, day] = civilFromDays(Number(days));
  if (year < 1 || year > 9999) return undefined;
  const seconds = Number(inDay / 1_000_000n);
  const micros = Number(inDay % 1_000_000n);
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  return (
    `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(Math.floor(seconds / 3600), 2)}:` +
    `${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}.${pad(micros, 6)}+00:00`
  );
}

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

// Howard Hinnant's days-from-civil and its inverse: the proleptic Gregorian calendar without Date,
// whose two-digit-year rules and ±275,760-year range have nothing to do with RFC 3339.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}
