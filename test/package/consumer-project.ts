import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCAL_FLAGS = new Set(['dev', 'devOptional', 'peer']);

/** One entry of an npm lockfile's `packages` map (the fields used here). */
interface LockEntry {
  version?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  optional?: boolean;
  [field: string]: unknown;
}

interface Manifest {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
  license?: string;
}

/** How a command in the project ended. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** An empty npm project in a temp directory with this package's packed tarball installed. */
export interface ConsumerProject {
  readonly dir: string;
  /** The output of `npm ci` (its warnings are on stderr). */
  readonly install: CommandResult;
  /** Runs a command in the project, with its `node_modules/.bin` on the PATH. */
  run(command: string, args: readonly string[]): Promise<CommandResult>;
  write(path: string, text: string): void;
  remove(): void;
}

/** Options of `createConsumerProject`. */
export interface ConsumerProjectOptions {
  /** Packages of this project's lockfile to install next to the tarball, e.g. `['vitest']`. */
  readonly alongside?: readonly string[];
  /** Extra `npm ci` flags, e.g. `['--omit=dev', '--omit=peer']`. */
  readonly npmFlags?: readonly string[];
}

/**
 * `npm pack`s this package (dist must be built: `npm test` builds first) and installs the tarball into a
 * new project, offline. npm's cache holds the tarballs `npm ci` fetched here but not the registry
 * metadata a fresh resolution needs, so the project gets a lockfile: the tarball plus the exact versions
 * this project's lockfile resolves for its dependencies (and for `alongside`). Nothing is downloaded.
 */
export async function createConsumerProject(options: ConsumerProjectOptions = {}): Promise<ConsumerProject> {
  const dir = mkdtempSync(join(tmpdir(), 'langgraph-mock-consumer-'));
  try {
    const packed = await runCommand(ROOT, 'npm', [
      'pack',
      '--ignore-scripts',
      '--json',
      '--pack-destination',
      dir,
    ]);
    if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
    const [tarball] = JSON.parse(packed.stdout) as { filename: string; integrity: string }[];
    if (tarball === undefined) throw new Error('npm pack wrote no tarball');

    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, LockEntry>;
    };
    const alongside = Object.fromEntries(
      (options.alongside ?? []).map((name) => [name, lock.packages[`node_modules/${name}`]?.version ?? '']),
    );
    const dependencies = { [manifest.name]: `file:${tarball.filename}`, ...alongside };
    const packages: Record<string, object> = {
      '': { name: 'consumer', dependencies },
      [`node_modules/${manifest.name}`]: {
        version: manifest.version,
        resolved: `file:${tarball.filename}`,
        integrity: tarball.integrity,
        license: manifest.license,
        dependencies: manifest.dependencies,
        peerDependencies: manifest.peerDependencies,
        peerDependenciesMeta: manifest.peerDependenciesMeta,
        bin: manifest.bin,
        engines: manifest.engines,
      },
    };
    for (const path of closureOf(lock.packages, [
      ...Object.keys(manifest.dependencies),
      ...Object.keys(alongside),
    ])) {
      // The flags say how this project needs a package (only for development); the consumer needs it to run.
      const entry = Object.fromEntries(
        Object.entries(lock.packages[path] ?? {}).filter(([field]) => !LOCAL_FLAGS.has(field)),
      );
      packages[path] = entry;
    }
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }, null, 2)}\n`,
    );
    writeFileSync(
      join(dir, 'package-lock.json'),
      `${JSON.stringify({ name: 'consumer', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
    );
    const install = await runCommand(dir, 'npm', [
      'ci',
      '--offline',
      '--no-audit',
      '--no-fund',
      ...(options.npmFlags ?? []),
    ]);
    if (install.code !== 0) throw new Error(`npm ci failed in the consumer project:\n${install.stderr}`);
    return {
      dir,
      install,
      run: (command, args) => runCommand(dir, command, args),
      write: (path, text) => {
        writeFileSync(join(dir, path), text);
      },
      remove: () => {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The lockfile paths of `names` (top-level packages) and of everything they need, found the way Node
 * finds them: the nearest `node_modules/<name>` up from the package that asks. Optional dependencies
 * missing from the lockfile (other platforms' binaries) and optional peers are left out.
 */
function closureOf(packages: Record<string, LockEntry>, names: readonly string[]): Set<string> {
  const found = new Set<string>();
  const visit = (from: string, name: string, optional: boolean): void => {
    let base = from;
    for (;;) {
      const candidate = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
      if (packages[candidate] !== undefined) {
        if (found.has(candidate)) return;
        found.add(candidate);
        const entry = packages[candidate];
        const meta = entry.peerDependenciesMeta ?? {};
        for (const dep of Object.keys(entry.dependencies ?? {})) visit(candidate, dep, false);
        for (const dep of Object.keys(entry.optionalDependencies ?? {})) visit(candidate, dep, true);
        for (const dep of Object.keys(entry.peerDependencies ?? {}))
          if (meta[dep]?.optional !== true) visit(candidate, dep, false);
        return;
      }
      if (base === '') break;
      const cut = base.lastIndexOf('/node_modules/');
      base = cut === -1 ? '' : base.slice(0, cut);
    }
    if (!optional)
      throw new Error(`test: ${name} (needed by ${from || 'the package'}) is not in package-lock.json`);
  };
  for (const name of names) visit('', name, false);
  return found;
}

/** npm's own variables from an enclosing `npm test`, which would change what the inner npm does. */
function cleanEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !/^npm_config_(cache|userconfig)$/i.test(key)) continue;
    env[key] = value;
  }
  env['PATH'] = `${join(dir, 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}`;
  return env;
}

/** Runs a command in `dir` to its end, without the npm variables of an enclosing `npm test`. */
export function runCommand(dir: string, command: string, args: readonly string[]): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: dir, env: cleanEnv(dir), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
