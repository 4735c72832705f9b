// Shared pieces of the accounts routes: content type, policies, CSRF, rate limits, form errors.
import type { FastifyInstance } from 'fastify';
import type { ZodError } from 'zod';
import type { ErrorDetail } from '../../core/errors.ts';
import '../../core/http.ts';
import { accountsPolicy } from './accounts.policy.ts';

export const html = 'text/html; charset=utf-8';
export const policy = (name: keyof typeof accountsPolicy) => ({
  config: { policy: accountsPolicy[name] },
});
export const csrf = (app: FastifyInstance) => app.csrfProtection;
export const limited = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

/** Only local paths, never another host. */
export function safeNext(value: unknown): string {
  return typeof value === 'string' &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !value.startsWith('/\\')
    ? value
    : '/konto';
}

export function zodDetails(e: ZodError): ErrorDetail[] {
  return e.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message }));
}
