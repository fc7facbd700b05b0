// `npm start`: database (embedded when DATABASE_URL is unset), migrations, demo content once,
// a production build when the sources changed, then the production server on PORT.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bin, migrate, openDatabase, root, run } from './lib/database.mjs';
import { buildIsCurrent, markBuilt } from './lib/build.mjs';
import { startMailCatcher } from './lib/mail-catcher.mjs';
import { nextStart } from './lib/next-start.mjs';

const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '0.0.0.0';

const log = (msg) => process.stderr.write(`[qiao] ${msg}\n`);

/** NEXTAUTH_SECRET, or one generated on the first start and kept in .data/auth-secret. */
function authSecret() {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(root, '.data', 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  log(`generated a session secret in ${path.relative(process.cwd(), file) || file}`);
  return secret;
}

/**
 * Without SMTP_URL, mail goes to a catcher on loopback (SMTP 1025, HTTP 1080, or free ports when
 * those are taken); each message's subject and links are printed so a reset link can be followed.
 */
async function localMail() {
  const onMessage = (m) => {
    const links = `${m.text}`.match(/https?:\/\/[^\s<>"]+/g) ?? [];
    log(`mail to ${m.to.join(', ')}: ${m.subject}${links.map((l) => `\n         ${l}`).join('')}`);
  };
  let catcher;
  try {
    catcher = await startMailCatcher({ smtpPort: 1025, httpPort: 1080, onMessage });
  } catch {
    catcher = await startMailCatcher({ onMessage });
  }
  log(`outgoing mail is caught locally: ${catcher.httpUrl}/messages`);
  return catcher;
}

const database = await openDatabase();
const siteUrl = process.env.SITE_URL ?? `http://localhost:${port}`;
const mail = process.env.SMTP_URL ? null : await localMail();
const env = {
  DATABASE_URL: database.url,
  SITE_URL: siteUrl,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? siteUrl,
  NEXTAUTH_SECRET: authSecret(),
  ...(mail ? { SMTP_URL: mail.smtpUrl } : {}),
  NODE_ENV: 'production',
};

let server;
async function shutdown(signal) {
  if (server && server.exitCode === null) {
    server.kill(signal);
    await new Promise((resolve) => server.once('exit', resolve));
  }
  await mail?.stop();
  await database.stop();
  process.exit(0);
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

try {
  await migrate(database.url);
  await run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'prisma/seed.ts'], { env });
  if (!buildIsCurrent()) {
    process.stderr.write('[qiao] building the production bundle (first start or changed sources)\n');
    await run(bin('next'), ['build'], { env });
    markBuilt();
  }
} catch (error) {
  process.stderr.write(`[qiao] could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  await mail?.stop();
  await database.stop();
  process.exit(1);
}

const listen = nextStart({ port, host });
server = spawn(bin('next'), listen.args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...env, ...listen.env, NEXT_TELEMETRY_DISABLED: '1' },
});
server.on('exit', async (code) => {
  await mail?.stop();
  await database.stop();
  process.exit(code ?? 0);
});
