import { DatasetDefinitionError, type DatasetDefinition } from './dataset-definition.js';
import { formatTimestamp } from './format-timestamp.js';
import type { ThreadPlan } from './thread-plan.js';

/**
 * The window every generated timestamp must fall in. Within it a microsecond count fits a double
 * exactly (±2^53 µs is 1685–2255), so the clock, ordering and paging are exact; outside it an anchor
 * such as year 0000 yielded timestamps the mock's own `check` rejects.
 */
export const TIMELINE_START_MICROS = Date.UTC(1700, 0, 1) * 1000;
/** See `TIMELINE_START_MICROS`. */
export const TIMELINE_END_MICROS = Date.UTC(2250, 0, 1) * 1000;

/**
 * Throws `DatasetDefinitionError` when the data counted back from `anchorMicros` would leave the
 * timeline window: the anchor itself, any scenario thread's oldest run, or the oldest run a random
 * thread could draw (its longest age plus its most runs at the widest spacing).
 */
export function checkTimeline(
  anchorMicros: number,
  dataset: DatasetDefinition,
  scenarioPlans: readonly ThreadPlan[],
): void {
  const window = `between ${day(TIMELINE_START_MICROS)} and ${day(TIMELINE_END_MICROS)}, where the mock counts exact microseconds`;
  if (
    !Number.isFinite(anchorMicros) ||
    anchorMicros < TIMELINE_START_MICROS ||
    anchorMicros > TIMELINE_END_MICROS
  ) {
    const shown = Number.isFinite(anchorMicros) ? formatAnywhere(anchorMicros) : String(anchorMicros);
    throw new DatasetDefinitionError(`anchor ${shown} is out of range: it must fall ${window}`);
  }
  for (const plan of scenarioPlans) {
    const oldest = plan.lastCreatedMicros - plan.runCount * plan.spacingMicros;
    if (oldest < TIMELINE_START_MICROS) {
      throw new DatasetDefinitionError(
        `scenario '${plan.scenario ?? plan.threadId}' would start before ${day(TIMELINE_START_MICROS)} counted back from anchor ${formatTimestamp(anchorMicros)}: its runs must fall ${window}`,
      );
    }
  }
  const random = dataset.randomThreads;
  const oldestRandom =
    anchorMicros - (random.lastRunAgeSeconds.max + random.runs.max * random.spacingSeconds.max) * 1_000_000;
  if (random.runs.max > 0 && oldestRandom < TIMELINE_START_MICROS) {
    throw new DatasetDefinitionError(
      `randomThreads could start before ${day(TIMELINE_START_MICROS)} counted back from anchor ${formatTimestamp(anchorMicros)}: their runs must fall ${window}`,
    );
  }
}

function day(micros: number): string {
  return new Date(micros / 1000).toISOString().slice(0, 10);
}

/** An instant as ISO text even outside years 0–9999 (`new Date(…).toISOString()` writes ±YYYYYY there). */
function formatAnywhere(micros: number): string {
  const date = new Date(Math.floor(micros / 1000));
  return Number.isNaN(date.getTime()) ? `${micros} µs` : date.toISOString();
}
