import type { CliIo } from './cli/io.js';

/** Placeholder until the server lands (issue 3): says so instead of failing silently. */
export async function serveCommand(io: CliIo): Promise<number> {
  io.stderr.write('The server is not built yet.\n');
  return 1;
}
