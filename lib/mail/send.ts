import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/lib/env';
import { logRequestEvent } from '@/lib/request-log';

let transport: Transporter | undefined;

export type Mail = { to: string; subject: string; text: string; html: string };

/**
 * Sends one message over SMTP_URL. Without it (a server started by hand, not through
 * `npm start`), the message is dropped with a warning rather than failing the request.
 */
export async function sendMail(mail: Mail): Promise<boolean> {
  if (!env.SMTP_URL) {
    await logRequestEvent('warn', 'SMTP_URL is not set; mail not sent', { subject: mail.subject });
    return false;
  }
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({ from: env.MAIL_FROM, ...mail });
  return true;
}
