/**
 * Exits this server when the bench that spawned it is gone. The bench kills its children on exit and on
 * error, but a bench killed with SIGKILL cannot; a server left listening would skew the next run's figures.
 */
export function exitWithParent(): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.exit(0);
  }, 500).unref();
}
