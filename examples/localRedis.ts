// Starts and stops a throwaway local Redis server (the Debian `redis-server` binary) on a free port, for the
// job-queue example and its test. No data is saved.
import { type ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';

export interface LocalRedis {
  readonly port: number;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts `redis-server` on a free port; fails loudly when the binary is missing or the server does not come up. */
export async function startLocalRedis(): Promise<LocalRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  let failure: Error | undefined;
  child.once('error', (error) => {
    failure = new Error(
      `cannot start redis-server (install it: apt-get install redis-server): ${error.message}`,
    );
  });
  for (let i = 0; i < 100 && !failure; i++) {
    if (await accepts(port)) {
      return {
        port,
        stop: () =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw failure ?? new Error(`redis-server did not accept connections on port ${port}`);
}
