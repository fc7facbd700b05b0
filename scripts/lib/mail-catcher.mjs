// A real SMTP server on loopback that keeps what it receives in memory, for development and
// tests: the app sends mail exactly as in production, and `GET <httpUrl>/messages` shows it as
// JSON ({ id, receivedAt, from, to, subject, text, html }, oldest first). `DELETE` empties it.
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const KEEP = 500;

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * @param {{ smtpPort?: number, httpPort?: number, host?: string, onMessage?: (message: object) => void }} [options]
 *   Ports default to 0 (any free port).
 */
export async function startMailCatcher({ smtpPort = 0, httpPort = 0, host = '127.0.0.1', onMessage } = {}) {
  const messages = [];
  let nextId = 1;

  const smtp = new SMTPServer({
    // Plain SMTP on loopback only: no TLS to negotiate, no login to offer.
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const message = {
            id: nextId++,
            receivedAt: new Date().toISOString(),
            from: mail.from?.text ?? '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
          };
          messages.push(message);
          if (messages.length > KEEP) messages.shift();
          try {
            onMessage?.(message);
          } finally {
            callback();
          }
        },
        (error) => callback(error),
      );
    },
  });
  // Errors while binding are the caller's to handle (listen rejects); later ones are only logged.
  let started = false;
  smtp.on('error', (error) => started && process.stderr.write(`[mail] ${error.message}\n`));

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://catcher');
    if (url.pathname !== '/messages') {
      res.writeHead(404).end();
      return;
    }
    if (req.method === 'DELETE') {
      messages.length = 0;
      res.writeHead(204).end();
      return;
    }
    const to = url.searchParams.get('to')?.toLowerCase();
    const list = to ? messages.filter((m) => m.to.some((a) => a.toLowerCase() === to)) : messages;
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(list));
  });

  await listen(smtp.server, smtpPort, host);
  try {
    await listen(http, httpPort, host);
  } catch (error) {
    await new Promise((resolve) => smtp.close(resolve));
    throw error;
  }

  started = true;
  return {
    smtpUrl: `smtp://${host}:${smtp.server.address().port}`,
    httpUrl: `http://${host}:${http.address().port}`,
    messages,
    async stop() {
      http.closeAllConnections?.();
      await Promise.all([new Promise((resolve) => http.close(resolve)), new Promise((resolve) => smtp.close(resolve))]);
    },
  };
}
