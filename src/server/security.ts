// Security headers with a strict Content-Security-Policy (no inline script or style), cookies and CSRF.
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import { randomBytes } from 'node:crypto';

export async function registerSecurity(
  app: FastifyInstance,
  opts: { secureCookies: boolean; cookieSecret?: string; rateLimitAllowList?: string[] },
): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: opts.secureCookies,
  });
  await app.register(cookie, { secret: opts.cookieSecret ?? randomBytes(32).toString('hex') });
  await app.register(csrf, {
    cookieKey: '_csrf',
    cookieOpts: {
      path: '/',
      sameSite: 'strict',
      httpOnly: true,
      secure: opts.secureCookies,
      signed: true,
    },
    getToken: (req) =>
      (req.body as Record<string, string> | undefined)?.['_csrf'] ??
      (req.headers['x-csrf-token'] as string | undefined),
  });
  // Limits are declared per route (login, reset, forms, lookups); addresses listed here are exempt.
  await app.register(rateLimit, { global: false, allowList: opts.rateLimitAllowList ?? [] });
}
