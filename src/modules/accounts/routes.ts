// HTTP routes of the accounts module: sign-in and out, password links, own account, staff administration, audit log.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import type { AppContext } from '../../core/module.ts';
import { AppError, type ErrorDetail } from '../../core/errors.ts';
import '../../core/http.ts';
import * as repo from './accounts.repository.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { logIn } from './log-in.ts';
import { changeGrant, inviteUser, setUserStatus } from './manage-users.ts';
import { requestPasswordReset, setPasswordWithToken, tokenPurpose } from './passwords-reset.ts';
import { emailSchema, loginSchema, newPasswordSchema, userIdParams } from './schema.ts';
import { absoluteTimeoutMs, endAllSessions, endSession, sessionCookie } from './sessions.ts';
import {
  accountPage,
  forgotPage,
  loginPage,
  newPasswordPage,
} from './presenters/sign-in-pages.tsx';
import { adminHomePage, auditPage, userPage, usersPage } from './presenters/admin-pages.tsx';
import { toCsv } from './csv.ts';
import { saveDepartment } from './manage-departments.ts';
import { departmentsPage } from './presenters/departments-page.tsx';

const html = 'text/html; charset=utf-8';
const policy = (name: keyof typeof accountsPolicy) => ({
  config: { policy: accountsPolicy[name] },
});
const csrf = (app: FastifyInstance) => app.csrfProtection;
const limited = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

/** Only local paths, never another host. */
function safeNext(value: unknown): string {
  return typeof value === 'string' &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !value.startsWith('/\\')
    ? value
    : '/konto';
}

function zodDetails(e: ZodError): ErrorDetail[] {
  return e.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message }));
}

export function accountsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { database, mailer } = ctx;
  const baseUrl = (req: FastifyRequest) => ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;
  const secure = (req: FastifyRequest) => req.protocol === 'https';
  const oidc = Boolean(process.env['OIDC_ISSUER']);

  app.get('/anmelden', policy('signIn'), async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const notice =
      q['abgemeldet'] === '1'
        ? 'Sie sind abgemeldet.'
        : q['passwort'] === '1'
          ? 'Ihr Passwort ist gespeichert. Bitte melden Sie sich an.'
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
              error: body.error.issues[0]?.message ?? 'Ungültige Eingabe.',
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

  app.get('/verwaltung', policy('administerUsers'), async (req, reply) => {
    reply.type(html).send(
      adminHomePage(req.page, [
        {
          href: '/verwaltung/benutzer',
          label: 'Benutzer',
          text: 'Konten, Rollen und Fachbereiche, Einladungen',
        },
        {
          href: '/verwaltung/fachbereiche',
          label: 'Fachbereiche',
          text: 'die Fachbereiche des Organisationsteams',
        },
        { href: '/verwaltung/protokoll', label: 'Protokoll', text: 'wer hat wann was geändert' },
        {
          href: '/verwaltung/barrieren',
          label: 'Barriere-Meldungen',
          text: 'Rückmeldungen zur Barrierefreiheit',
        },
      ]),
    );
  });

  async function usersView(
    errors: ErrorDetail[] = [],
    values = { email: '', displayName: '' },
    notice?: string,
  ) {
    const [users, grants, departments] = await Promise.all([
      repo.listUsers(database.db),
      repo.allGrants(database.db),
      repo.listDepartments(database.db),
    ]);
    return {
      users: users.map((u) => ({
        ...u,
        grants: grants
          .filter((g) => g.userId === u.id)
          .map((g) => ({
            role: g.role as never,
            departmentId: g.departmentId,
            organisationId: g.organisationId,
          })),
      })),
      departments,
      errors,
      values,
      ...(notice ? { notice } : {}),
    };
  }

  app.get('/verwaltung/benutzer', policy('administerUsers'), async (req, reply) => {
    const notice =
      (req.query as Record<string, unknown>)['eingeladen'] === '1'
        ? 'Die Einladung ist verschickt.'
        : undefined;
    reply.type(html).send(usersPage(req.page, await usersView([], undefined, notice)));
  });

  app.post(
    '/verwaltung/benutzer',
    { ...policy('administerUsers'), preHandler: csrf(app) },
    async (req, reply) => {
      const b = (req.body ?? {}) as Record<string, string>;
      const values = {
        email: String(b['email'] ?? ''),
        displayName: String(b['displayName'] ?? ''),
      };
      try {
        const grants = b['role']
          ? [
              {
                role: b['role'],
                departmentId: b['departmentId'] || null,
                organisationId: b['organisationId'] || null,
              },
            ]
          : [];
        await inviteUser(
          database,
          mailer,
          req.actor!,
          { ...values, grants } as never,
          baseUrl(req),
          req.ip,
        );
      } catch (e) {
        if (e instanceof ZodError)
          return reply
            .code(400)
            .type(html)
            .send(usersPage(req.page, await usersView(zodDetails(e), values)));
        if (e instanceof AppError && e.status < 500)
          return reply
            .code(e.status)
            .type(html)
            .send(usersPage(req.page, await usersView([{ message: e.message }], values)));
        throw e;
      }
      return reply.redirect('/verwaltung/benutzer?eingeladen=1', 303);
    },
  );

  async function showUser(
    req: FastifyRequest,
    reply: FastifyReply,
    status = 200,
    message?: { error?: string; notice?: string },
  ) {
    const { id } = userIdParams.parse(req.params);
    const user = await repo.findUser(database.db, id);
    if (!user) throw new AppError('not_found', 'Dieses Konto gibt es nicht.');
    const view = {
      user: { ...user, grants: await repo.grantsOf(database.db, id) },
      departments: await repo.listDepartments(database.db),
      ...message,
    };
    return reply.code(status).type(html).send(userPage(req.page, view));
  }

  app.get('/verwaltung/benutzer/:id', policy('administerUsers'), async (req, reply) =>
    showUser(req, reply),
  );

  for (const [path, change] of [
    ['rollen', 'add'],
    ['rollen/entfernen', 'remove'],
  ] as const) {
    app.post(
      `/verwaltung/benutzer/:id/${path}`,
      { ...policy('administerUsers'), preHandler: csrf(app) },
      async (req, reply) => {
        const { id } = userIdParams.parse(req.params);
        try {
          await changeGrant(database, req.actor!, id, change, req.body, req.ip);
        } catch (e) {
          if (e instanceof ZodError)
            return showUser(req, reply, 400, { error: e.issues.map((i) => i.message).join(' ') });
          if (e instanceof AppError && e.status < 500 && e.code !== 'not_found')
            return showUser(req, reply, e.status, { error: e.message });
          throw e;
        }
        return reply.redirect(`/verwaltung/benutzer/${id}`, 303);
      },
    );
  }

  app.post(
    '/verwaltung/benutzer/:id/status',
    { ...policy('administerUsers'), preHandler: csrf(app) },
    async (req, reply) => {
      const { id } = userIdParams.parse(req.params);
      const status =
        (req.body as Record<string, unknown> | undefined)?.['status'] === 'active'
          ? 'active'
          : 'disabled';
      try {
        await setUserStatus(database, req.actor!, id, status, req.ip);
      } catch (e) {
        if (e instanceof AppError && e.code === 'conflict')
          return showUser(req, reply, 409, { error: e.message });
        throw e;
      }
      return reply.redirect(`/verwaltung/benutzer/${id}`, 303);
    },
  );

  app.get('/verwaltung/fachbereiche', policy('administerUsers'), async (req, reply) => {
    reply
      .type(html)
      .send(
        departmentsPage(req.page, {
          departments: await repo.listDepartments(database.db),
          errors: [],
        }),
      );
  });

  app.post(
    '/verwaltung/fachbereiche',
    { ...policy('administerUsers'), preHandler: csrf(app) },
    async (req, reply) => {
      try {
        await saveDepartment(database, req.actor!, req.body, req.ip);
      } catch (e) {
        if (!(e instanceof ZodError)) throw e;
        const departments = await repo.listDepartments(database.db);
        return reply
          .code(400)
          .type(html)
          .send(departmentsPage(req.page, { departments, errors: zodDetails(e) }));
      }
      return reply.redirect('/verwaltung/fachbereiche', 303);
    },
  );

  app.get('/verwaltung/protokoll', policy('readAuditLog'), async (req, reply) => {
    reply.type(html).send(auditPage(req.page, await repo.listAudit(database.db, 500)));
  });

  app.get('/verwaltung/protokoll.csv', policy('readAuditLog'), async (_req, reply) => {
    const rows = await repo.listAudit(database.db, 100_000);
    const csv = toCsv(
      ['id', 'zeit', 'wer', 'aktion', 'objekt', 'objekt_id', 'vorher', 'nachher', 'ip'],
      rows.map((r) => [
        r.id,
        r.at.toISOString(),
        r.actorLabel,
        r.action,
        r.entity,
        r.entityId,
        JSON.stringify(r.before),
        JSON.stringify(r.after),
        r.ip ?? '',
      ]),
    );
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="protokoll.csv"')
      .send(csv);
  });
}
