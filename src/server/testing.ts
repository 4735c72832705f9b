// Test helpers: the real app on a test database (PGlite or PostgreSQL), optionally with the shipped seeds.
import type { FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/client.ts';
import { createTestDatabase, hasSeededTemplate } from '../db/testing.ts';
import { buildApp } from './app.ts';
import { seedAll } from './start.ts';
import { loadConfig } from './config.ts';
import type { Mailer } from '../mail/mailer.ts';
import { seedDepartments } from '../modules/accounts/index.ts';

/** The shipped example data the tests use; the large Germany set is left out (it has its own test). */
export async function seedTestData(database: Database, dataDir: string): Promise<void> {
  await seedAll(database, { ...loadConfig({}), dataDir }, { only: testSeedSystems });
  await seedDepartments(database);
}

export const testSeedSystems = ['oberhausen', 'berlin-lor-2021'];

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
  const fromTemplate = options.seed === true && hasSeededTemplate();
  const database = await createTestDatabase({ seeded: fromTemplate });
  const dataDir = mkdtempSync(join(tmpdir(), 'sozialraum-app-'));
  if (options.seed && !fromTemplate) await seedTestData(database, dataDir);
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
