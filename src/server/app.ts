// Builds the Fastify application: security, static assets, page context, modules, errors, health.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZodError } from 'zod';
import { AppError, formatDetail } from '../core/errors.ts';
import type { AppContext } from '../core/module.ts';
import type { RoutePolicy } from '../core/http.ts';
import { decide, hasRole } from '../core/policy.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import type { Database } from '../db/client.ts';
import { schemaVersion } from '../db/migrate.ts';
import {
  defaultLocale,
  isLocale,
  translator,
  type Locale,
  type MessageKey,
} from '../ui/i18n/index.ts';
import type { PageContext } from '../ui/page.ts';
import { errorPage } from '../modules/site/index.ts';
import { modules } from './modules.ts';
import { registerSecurity } from './security.ts';
import multipart from '@fastify/multipart';
import { openApiDocument } from './openapi.ts';
import { uploadLimitBytes } from '../core/upload.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function packageDir(name: string): string {
  const dir = join(root, 'node_modules', name);
  if (!existsSync(dir)) throw new Error(`Paket ${name} fehlt: bitte „npm ci“ ausführen.`);
  return dir;
}

export interface AppOptions {
  database: Database;
  dataDir: string;
  secureCookies?: boolean;
  cookieSecret?: string;
  logLevel?: string;
  mailer?: Mailer;
  /** Addresses exempt from rate limits (browser tests that act as many users from one address). */
  rateLimitAllowList?: string[];
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (rate limits, logs). */
  trustProxy?: boolean;
  /** Base URL for links in mails; otherwise taken from the request. */
  publicUrl?: string | undefined;
}

function negotiateLocale(req: FastifyRequest): Locale {
  const query = (req.query as Record<string, unknown> | undefined)?.['lang'];
  if (isLocale(query)) return query;
  const cookie = req.cookies['lang'];
  if (isLocale(cookie)) return cookie;
  const header = req.headers['accept-language'] ?? '';
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return defaultLocale;
}

const wantsJson = (req: FastifyRequest) =>
  req.url.startsWith('/api/') || req.url.startsWith('/ogc') || req.url === '/healthz';

const statusMessage: Partial<Record<number, MessageKey>> = {
  400: 'error.invalid',
  404: 'error.notFound',
  429: 'error.rateLimited',
};

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logLevel ? { level: opts.logLevel } : false,
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  });
  // Every route declares who may call it; static assets are public by declaration here.
  const routes: FastifyInstance['routeTable'] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/assets/'))
      route.config = { ...(route.config as object), policy: 'public' };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      routes.push({
        method,
        url: route.url,
        policy: (route.config as { policy?: RoutePolicy } | undefined)?.policy,
      });
  });
  app.decorate('routeTable', routes);
  await registerSecurity(app, {
    secureCookies: opts.secureCookies ?? false,
    ...(opts.rateLimitAllowList ? { rateLimitAllowList: opts.rateLimitAllowList } : {}),
    ...(opts.cookieSecret ? { cookieSecret: opts.cookieSecret } : {}),
  });
  await app.register(formbody);
  // Uploads: parsed only inside the handlers that accept them (after the policy check), within limits.
  await app.register(multipart, {
    limits: { fileSize: uploadLimitBytes, files: 1, fields: 30, parts: 32, fieldSize: 100_000 },
  });
  await app.register(fastifyStatic, {
    root: join(root, 'public'),
    prefix: '/assets/',
    maxAge: '1h',
  });
  await app.register(fastifyStatic, {
    root: join(packageDir('@kern-ux/native'), 'dist'),
    prefix: '/assets/kern/',
    decorateReply: false,
    maxAge: '1d',
  });
  await app.register(fastifyStatic, {
    root: join(packageDir('maplibre-gl'), 'dist'),
    prefix: '/assets/maplibre/',
    decorateReply: false,
    maxAge: '1d',
  });

  app.decorateRequest('page', null as unknown as PageContext);
  app.decorateRequest('actor', null);
  const ctx: AppContext = {
    database: opts.database,
    mailer: opts.mailer ?? createMailer({ dataDir: opts.dataDir }),
    config: { dataDir: opts.dataDir, publicUrl: opts.publicUrl },
  };
  const authenticators = modules.flatMap((m) => (m.authenticate ? [m.authenticate] : []));
  // Page context, the acting user, then the route's declared policy — before any handler loads data.
  app.addHook('preHandler', async (req, reply) => {
    const locale = negotiateLocale(req);
    let actor = null;
    for (const authenticate of authenticators) {
      actor = await authenticate(req, ctx);
      if (actor) break;
    }
    req.actor = actor;
    const page: PageContext = {
      locale,
      t: translator(locale),
      path: req.url.split('?')[0] ?? '/',
      user: actor
        ? {
            displayName: actor.displayName,
            isAdmin: hasRole(actor, 'admin'),
            isStatistician: hasRole(actor, 'statistician') || hasRole(actor, 'admin'),
          }
        : null,
    };
    let token: string | undefined;
    Object.defineProperty(page, 'csrfToken', {
      enumerable: true,
      get: () => (token ??= reply.generateCsrf()),
    });
    req.page = page;
    if (req.is404) return;
    const outcome = decide(req.routeOptions.config.policy, actor);
    if (outcome === 'unauthenticated') {
      if (req.method === 'GET' && !wantsJson(req)) {
        return reply.redirect(`/anmelden?weiter=${encodeURIComponent(req.url)}`, 303);
      }
      throw new AppError('unauthenticated', page.t('error.unauthenticated'));
    }
    if (outcome === 'forbidden') {
      req.log.warn({ user: actor?.userId, url: req.url }, 'Zugriff verweigert');
      throw new AppError('forbidden', page.t('error.forbidden'));
    }
  });

  const pageFor = (req: FastifyRequest): PageContext =>
    req.page ?? { locale: defaultLocale, t: translator(defaultLocale), path: req.url };

  app.setNotFoundHandler((req, reply) => {
    const page = pageFor(req);
    if (wantsJson(req))
      return reply
        .code(404)
        .send({ error: { code: 'not_found', message: page.t('error.notFound') } });
    return reply
      .code(404)
      .type('text/html; charset=utf-8')
      .send(errorPage(page, page.t('error.notFound')));
  });

  app.setErrorHandler((error, req, reply) => {
    const page = pageFor(req);
    let status = 500;
    let code = 'internal';
    let message = page.t('error.internal');
    let details: string[] = [];
    if (error instanceof AppError) {
      status = error.status;
      code = error.code;
      message = error.message;
      details = error.details.map(formatDetail);
    } else if (error instanceof ZodError) {
      status = 400;
      code = 'invalid_input';
      message = page.t('error.invalid');
      details = error.issues.map((i) => `${i.path.join('.') || 'Eingabe'}: ${i.message}`);
    } else if ((error as { code?: string }).code?.startsWith('FST_CSRF')) {
      status = 403;
      code = 'csrf';
      message = page.t('error.csrf');
    } else if (
      typeof (error as { statusCode?: number }).statusCode === 'number' &&
      (error as { statusCode: number }).statusCode < 500
    ) {
      status = (error as { statusCode: number }).statusCode;
      code = status === 429 ? 'rate_limited' : 'invalid_input';
      message = page.t(statusMessage[status] ?? 'error.invalid');
    }
    if (status >= 500) req.log.error(error);
    else req.log.info({ code, status }, message);
    if (wantsJson(req)) return reply.code(status).send({ error: { code, message, details } });
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(errorPage(page, message, details));
  });

  for (const m of modules) await app.register(async (scope) => m.routes(scope, ctx));

  app.get('/api/openapi.json', { config: { policy: 'public' } }, async () => openApiDocument);

  app.get('/healthz', { config: { policy: 'public' } }, async () => {
    const version = await schemaVersion(opts.database);
    return {
      status: 'ok',
      engine: opts.database.engine,
      schemaVersion: version.version,
      migrations: { applied: version.applied, known: version.known },
    };
  });

  return app;
}
