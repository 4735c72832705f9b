// HTTP routes of staff administration: users, invitations, roles, departments, the audit log.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import type { AppContext } from '../../core/module.ts';
import { AppError, type ErrorDetail } from '../../core/errors.ts';
import * as repo from './accounts.repository.ts';
import { changeGrant, inviteUser, setUserStatus } from './manage-users.ts';
import { userIdParams } from './schema.ts';
import { adminHomePage, auditPage, userPage, usersPage } from './presenters/admin-pages.tsx';
import { toCsv } from './csv.ts';
import { saveDepartment } from './manage-departments.ts';
import { departmentsPage } from './presenters/departments-page.tsx';
import { csrf, html, policy, zodDetails } from './route-helpers.ts';

export function adminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { database, mailer } = ctx;
  const baseUrl = (req: FastifyRequest) => ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;

  app.get('/verwaltung', policy('administerUsers'), async (req, reply) => {
    const { t } = req.page;
    reply.type(html).send(
      adminHomePage(req.page, [
        {
          href: '/verwaltung/benutzer',
          label: t('staff.admin.users'),
          text: t('staff.admin.usersText'),
        },
        {
          href: '/verwaltung/fachbereiche',
          label: t('staff.admin.departments'),
          text: t('staff.admin.departmentsText'),
        },
        {
          href: '/verwaltung/protokoll',
          label: t('staff.admin.audit'),
          text: t('staff.admin.auditText'),
        },
        {
          href: '/verwaltung/barrieren',
          label: t('staff.admin.barriers'),
          text: t('staff.admin.barriersText'),
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
        ? req.page.t('staff.users.invited')
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
    if (!user) throw new AppError('not_found', req.page.t('staff.user.notFound'));
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
    reply.type(html).send(
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
