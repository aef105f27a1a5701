/** What a command may touch: streams, environment and the clock, passed in so tests can supply them. */
export interface CliIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  now(): number;
}

/** Exit codes: 0 done, 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

/** The command line was wrong: `message` says what, `hint` where to read what is accepted. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
