// Test helpers: the real app on a test database (PGlite or PostgreSQL), optionally with the shipped seeds.
import type { FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/client.ts';
import { createTestDatabase } from '../db/testing.ts';
import { buildApp } from './app.ts';
import { seedAll } from './start.ts';
import { loadConfig } from './config.ts';
import type { Mailer } from '../mail/mailer.ts';
import { seedDepartments } from '../modules/accounts/index.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** Base URL when started with listen: true. */
  url: string;
  close(): Promise<void>;
}

export async function createTestApp(
  options: {
    seed?: boolean;
    listen?: boolean;
    mailer?: Mailer;
    rateLimitAllowList?: string[];
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'sozialraum-app-'));
  // The large Germany data set is left out: it adds 15 s per test file and has its own test.
  if (options.seed)
    await seedAll(
      database,
      { ...loadConfig({}), dataDir },
      { only: ['oberhausen', 'berlin-lor-2021'] },
    );
  await seedDepartments(database);
  const app = await buildApp({
    database,
    dataDir,
    cookieSecret: 'test-secret-of-sufficient-length-0123456789',
    ...(options.mailer ? { mailer: options.mailer } : {}),
    ...(options.rateLimitAllowList ? { rateLimitAllowList: options.rateLimitAllowList } : {}),
  });
  let url = '';
  if (options.listen) url = await app.listen({ port: 0, host: '127.0.0.1' });
  else await app.ready();
  return {
    app,
    database,
    url,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
