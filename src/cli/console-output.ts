/** Where a command writes: standard output and standard error, one text at a time. */
export interface ConsoleOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}
