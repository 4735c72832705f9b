// HTTP routes of signing in: sign-in and out, password links, own account.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../core/module.ts';
import { AppError } from '../../core/errors.ts';
import '../../core/http.ts';
import * as repo from './accounts.repository.ts';
import { csrf, html, limited, policy, safeNext, zodDetails } from './route-helpers.ts';
import { logIn } from './log-in.ts';
import { requestPasswordReset, setPasswordWithToken, tokenPurpose } from './passwords-reset.ts';
import { emailSchema, loginSchema, newPasswordSchema } from './schema.ts';
import { absoluteTimeoutMs, endAllSessions, endSession, sessionCookie } from './sessions.ts';
import {
  accountPage,
  forgotPage,
  loginPage,
  newPasswordPage,
} from './presenters/sign-in-pages.tsx';

export function accountsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { database, mailer } = ctx;
  const baseUrl = (req: FastifyRequest) => ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;
  const secure = (req: FastifyRequest) => req.protocol === 'https';
  const oidc = Boolean(process.env['OIDC_ISSUER']);

  app.get('/anmelden', policy('signIn'), async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const notice =
      q['abgemeldet'] === '1'
        ? req.page.t('staff.login.loggedOut')
        : q['passwort'] === '1'
          ? req.page.t('staff.login.passwordSaved')
          : undefined;
    reply.type(html).send(
      loginPage(req.page, {
        email: '',
        weiter: safeNext(q['weiter']),
        oidc,
        ...(notice ? { notice } : {}),
      }),
    );
  });

  app.post(
    '/anmelden',
    {
      ...policy('signIn'),
      preHandler: csrf(app),
      config: { ...policy('signIn').config, ...limited(10) },
    },
    async (req, reply) => {
      const body = loginSchema.safeParse(req.body);
      const weiter = safeNext((req.body as Record<string, unknown> | undefined)?.['weiter']);
      if (!body.success) {
        return reply
          .code(400)
          .type(html)
          .send(
            loginPage(req.page, {
              email: '',
              weiter,
              oidc,
              error: body.error.issues[0]?.message ?? req.page.t('staff.login.invalidInput'),
            }),
          );
      }
      try {
        const { token } = await logIn(database, body.data, {
          ip: req.ip,
          ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
        });
        reply.setCookie(sessionCookie, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: secure(req),
          maxAge: absoluteTimeoutMs / 1000,
        });
        return reply.redirect(weiter, 303);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        req.log.warn({ email: body.data.email, code: e.code }, 'Anmeldung abgelehnt');
        return reply
          .code(e.status)
          .type(html)
          .send(loginPage(req.page, { email: body.data.email, weiter, oidc, error: e.message }));
      }
    },
  );

  app.post('/abmelden', { ...policy('ownAccount'), preHandler: csrf(app) }, async (req, reply) => {
    await endSession(database, req.actor!.sessionHash);
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.redirect('/anmelden?abgemeldet=1', 303);
  });

  app.get('/konto', policy('ownAccount'), async (req, reply) => {
    const deps = new Map((await repo.listDepartments(database.db)).map((d) => [d.id, d.name]));
    reply.type(html).send(accountPage(req.page, req.actor!, req.actor!.grants, deps));
  });

  app.post(
    '/konto/ueberall-abmelden',
    { ...policy('ownAccount'), preHandler: csrf(app) },
    async (req, reply) => {
      await endAllSessions(database, req.actor!.userId);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.redirect('/anmelden?abgemeldet=1', 303);
    },
  );

  app.get('/passwort-vergessen', policy('signIn'), async (req, reply) => {
    reply
      .type(html)
      .send(
        forgotPage(req.page, { sent: (req.query as Record<string, unknown>)['gesendet'] === '1' }),
      );
  });

  app.post(
    '/passwort-vergessen',
    {
      ...policy('signIn'),
      preHandler: csrf(app),
      config: { ...policy('signIn').config, ...limited(5) },
    },
    async (req, reply) => {
      const email = emailSchema.safeParse(
        (req.body as Record<string, unknown> | undefined)?.['email'],
      );
      if (!email.success)
        return reply
          .code(400)
          .type(html)
          .send(forgotPage(req.page, { sent: false, error: email.error.issues[0]?.message ?? '' }));
      await requestPasswordReset(database, mailer, email.data, baseUrl(req));
      return reply.redirect('/passwort-vergessen?gesendet=1', 303);
    },
  );

  app.get('/passwort-neu', policy('signIn'), async (req, reply) => {
    const token = String((req.query as Record<string, unknown>)['token'] ?? '').slice(0, 100);
    const valid = token.length > 10 && (await tokenPurpose(database, token)) !== null;
    reply
      .code(valid ? 200 : 400)
      .type(html)
      .send(newPasswordPage(req.page, { token, valid, errors: [] }));
  });

  app.post(
    '/passwort-neu',
    {
      ...policy('signIn'),
      preHandler: csrf(app),
      config: { ...policy('signIn').config, ...limited(10) },
    },
    async (req, reply) => {
      const raw = (req.body ?? {}) as Record<string, unknown>;
      const token = String(raw['token'] ?? '').slice(0, 100);
      const parsed = newPasswordSchema.safeParse(raw);
      if (!parsed.success)
        return reply
          .code(400)
          .type(html)
          .send(
            newPasswordPage(req.page, { token, valid: true, errors: zodDetails(parsed.error) }),
          );
      try {
        await setPasswordWithToken(database, parsed.data.token, parsed.data.password, req.ip);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const valid = (await tokenPurpose(database, token)) !== null;
        const errors = e.details.length ? e.details : [{ field: 'password', message: e.message }];
        return reply.code(400).type(html).send(newPasswordPage(req.page, { token, valid, errors }));
      }
      return reply.redirect('/anmelden?passwort=1', 303);
    },
  );
}
