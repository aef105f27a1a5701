// Loaded with `node --import` by bench/cli.mjs into each process it times: reports the process's own
// CPU time (user + system, ms) on stderr at exit, a figure that other work on the machine disturbs far
// less than wall time.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  writeSync(2, `\ncpu-ms ${(user + system) / 1000}\n`);
});
