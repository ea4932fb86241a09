import { parseCheckOptions, type CheckOptions } from './parse-check-options.js';
import { parseExportOptions, type ExportOptions } from './parse-export-options.js';
import { parseProxyOptions, type ProxyCommandOptions } from './parse-proxy-options.js';
import { parseRecordOptions, type RecordOptions } from './parse-record-options.js';
import { parseServeOptions, type ServeOptions } from './parse-serve-options.js';
import { UsageError } from './usage-error.js';

/** The parsed command line: a command to run, or a request for help or the version. */
export type CliRequest =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'serve'; readonly options: ServeOptions }
  | { readonly kind: 'check'; readonly options: CheckOptions }
  | { readonly kind: 'export'; readonly options: ExportOptions }
  | { readonly kind: 'proxy'; readonly options: ProxyCommandOptions }
  | { readonly kind: 'record'; readonly options: RecordOptions };

/**
 * Parses the CLI's arguments (without `node` and the script): `serve` (the default when the first
 * argument is a flag or absent), `check`, `export`, `proxy` or `record`. Throws `UsageError` with a one-line message for an unknown
 * command or flag, a missing value, or a value out of range.
 */
export function parseCliArguments(argv: readonly string[]): CliRequest {
  const [first, ...rest] = argv;
  const command = first === undefined || first.startsWith('-') ? 'serve' : first;
  const args = command === first ? rest : [...argv];
  if (command === 'proxy') {
    const options = parseProxyOptions(args);
    return typeof options === 'string' ? { kind: options } : { kind: 'proxy', options };
  }
  if (command === 'record') {
    const options = parseRecordOptions(args);
    return typeof options === 'string' ? { kind: options } : { kind: 'record', options };
  }
  if (command !== 'serve' && command !== 'check' && command !== 'export') {
    throw new UsageError(`unknown command '${command}'`);
  }
  if (command === 'serve') {
    const options = parseServeOptions(args);
    return typeof options === 'string' ? { kind: options } : { kind: 'serve', options };
  }
  if (command === 'export') {
    const options = parseExportOptions(args);
    return typeof options === 'string' ? { kind: options } : { kind: 'export', options };
  }
  const options = parseCheckOptions(args);
  return typeof options === 'string' ? { kind: options } : { kind: 'check', options };
}
