// The `marginkit` executable: runs the command line against this process's streams.
import { run } from './run.js';

process.exitCode = run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: { isTTY: process.stdin.isTTY, fd: 0 },
  now: Date.now(),
});
