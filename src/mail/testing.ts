// A real SMTP server for tests (smtp-server on loopback): mails travel through nodemailer and are parsed back.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
}

export interface TestSmtp {
  url: string;
  inbox: ReceivedMail[];
  /** Resolves with the next mail to the address (or the first one already there). */
  next(to: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const inbox: ReceivedMail[] = [];
  const waiters: { to: string; resolve: (m: ReceivedMail) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = Array.isArray(parsed.to)
            ? (parsed.to[0]?.text ?? '')
            : (parsed.to?.text ?? '');
          const mail = { to, subject: parsed.subject ?? '', text: parsed.text ?? '' };
          inbox.push(mail);
          for (const w of waiters
            .splice(0)
            .filter((x) => !(x.to === to && (x.resolve(mail), true))))
            waiters.push(w);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    next: (to, timeoutMs = 10_000) => {
      const already = inbox.find((m) => m.to === to);
      if (already) {
        inbox.splice(inbox.indexOf(already), 1);
        return Promise.resolve(already);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`Keine Mail an ${to} innerhalb von ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          to,
          resolve: (m) => {
            clearTimeout(timer);
            inbox.splice(inbox.indexOf(m), 1);
            resolve(m);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
