// Child processes of the benchmark, each in its own process group so that stopping one also
// stops its workers (Turbopack's, Next's), and so that a signal to the benchmark alone, not to
// the terminal's whole group, still leaves nothing running.
import { spawn } from 'node:child_process';
import { root } from '../lib/database.mjs';

const running = new Set();

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Starts `command`; output is piped for the caller to read. */
export function start(command, args, env = {}) {
  const child = spawn(command, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Runs `command` to completion; rejects with its output when it fails. */
export function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = start(command, args, env);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}\n${output}`)),
    );
  });
}

/** SIGTERM to the child's group, SIGKILL after `graceMs`; resolves once it has exited. */
export async function stop(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAll() {
  await Promise.all([...running].map((child) => stop(child)));
}
