// A second production server from the build the end-to-end run made, on a port of its own, for
// the tests that need the app configured differently from the main one.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { nextStart } from '../../../scripts/lib/next-start.mjs';
import { freePort, waitForHttp } from '../../../scripts/lib/net.mjs';

export type ExtraServer = { url: string; stop(): Promise<void> };

export async function startExtraServer(env: Record<string, string>): Promise<ExtraServer> {
  const port = await freePort();
  const listen = nextStart({ port, host: '127.0.0.1', trustedProxies: env.TRUSTED_PROXIES ?? '' });
  const child = spawn(path.resolve('node_modules/.bin/next'), listen.args, {
    stdio: 'ignore',
    env: { ...process.env, ...env, ...listen.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/api/health`, child);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
