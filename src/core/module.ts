// The shape of a module manifest: what a pillar offers the server and the CLI.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Mailer } from '../mail/mailer.ts';
import type { Actor } from './policy.ts';
import type { Database } from '../db/client.ts';
import type { Translator } from '../ui/i18n/index.ts';

export interface AppContext {
  database: Database;
  mailer: Mailer;
  config: { dataDir: string; publicUrl?: string | undefined };
}

export interface NavItem {
  href: string;
  /** i18n key of the label. */
  label: Parameters<Translator>[0];
}

export interface ModuleManifest {
  name: string;
  /** Registers the module's routes; the server mounts them. */
  routes(app: FastifyInstance, ctx: AppContext): void | Promise<void>;
  /** Seeds the example data of this module, if any; returns a short summary per item. */
  seed?(ctx: AppContext, options: SeedOptions): Promise<string[]>;
  nav?: NavItem[];
  /** Finds the signed-in user of a request (the accounts module). */
  authenticate?(req: FastifyRequest, ctx: AppContext): Promise<Actor | null>;
}

export interface SeedOptions {
  /** Also seed the large optional data sets. */
  full?: boolean;
  /** Seed only these system ids (optional ones included). */
  only?: string[];
  onProgress?: (label: string, done: number, total: number) => void;
}
