// Configuration from the environment, in one place.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Seed the example data when the database has no area systems yet. */
  seedOnStart: boolean;
  logLevel: string;
  /** Set when the platform runs behind TLS: cookies get the Secure flag. */
  secureCookies: boolean;
  /** SMTP server for mail, e.g. smtp://user:pass@host:587; without it mails are files in the data folder. */
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  /** Public base URL for links in mails, e.g. https://sozialraum.oberhausen.de */
  publicUrl: string | undefined;
  trustProxy: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT „${env['PORT']}“ ist keine gültige Portnummer.`);
  return {
    port,
    host: env['HOST'] ?? '127.0.0.1',
    databaseUrl: env['DATABASE_URL'] || undefined,
    dataDir: resolve(env['SOZIALRAUM_DATA_DIR'] ?? 'var'),
    seedOnStart: env['SOZIALRAUM_SEED'] !== '0',
    logLevel: env['LOG_LEVEL'] ?? 'info',
    secureCookies:
      env['SOZIALRAUM_SECURE_COOKIES'] === '1' || (env['PUBLIC_URL'] ?? '').startsWith('https://'),
    trustProxy: env['TRUST_PROXY'] === '1',
    smtpUrl: env['SMTP_URL'] || undefined,
    mailFrom: env['MAIL_FROM'] || undefined,
    publicUrl: env['PUBLIC_URL']?.replace(/\/$/, '') || undefined,
  };
}

export function pgliteDir(config: Config): string {
  return resolve(config.dataDir, 'pglite');
}
