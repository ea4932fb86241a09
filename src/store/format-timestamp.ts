/**
 * Formats microseconds since the Unix epoch the way the Agent Server writes timestamps (Python's
 * `datetime.isoformat()` on an aware UTC datetime): `2025-09-15T19:26:57.584811+00:00`.
 */
export function formatTimestamp(epochMicros: number): string {
  const millis = Math.floor(epochMicros / 1000);
  const seconds = new Date(millis).toISOString().slice(0, 19);
  const micros = epochMicros - Math.floor(epochMicros / 1_000_000) * 1_000_000;
  return `${seconds}.${String(micros).padStart(6, '0')}+00:00`;
}
