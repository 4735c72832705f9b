// Sends mail through SMTP (SMTP_URL) with nodemailer, or writes it as .eml files into the data folder.
import nodemailer, { type Transporter } from 'nodemailer';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  /** Where mails go, for the log: "smtp://host:port" or the folder. */
  describe(): string;
}

export function createMailer(options: {
  smtpUrl?: string | undefined;
  dataDir: string;
  from?: string | undefined;
}): Mailer {
  const from = options.from ?? 'Sozialraum-Plattform <noreply@localhost>';
  if (options.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(options.smtpUrl);
    return {
      send: async (mail) => {
        await transport.sendMail({ from, ...mail });
      },
      describe: () => options.smtpUrl!.replace(/\/\/[^@]*@/, '//'),
    };
  }
  const folder = join(options.dataDir, 'mail');
  const transport: Transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  return {
    send: async (mail) => {
      const info = await transport.sendMail({ from, ...mail });
      await mkdir(folder, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}.eml`;
      await writeFile(join(folder, name), info.message as Buffer);
    },
    describe: () => folder,
  };
}
