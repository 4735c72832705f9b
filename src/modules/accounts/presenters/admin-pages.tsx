// Staff administration pages: users with their roles, one user, invitations, the audit log.
import { renderPage } from '../../../ui/layout.tsx';
import { Alert, Breadcrumb, CsrfField, ErrorSummary, Field } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/page.ts';
import type { ErrorDetail } from '../../../core/errors.ts';
import { roles, type RoleGrant } from '../../../core/policy.ts';
import { grantLabel, roleName, statusName } from './labels.ts';

interface UserItem {
  id: number;
  email: string;
  displayName: string;
  status: string;
  grants: RoleGrant[];
}

function GrantFields({
  ctx,
  departments,
}: {
  ctx: PageContext;
  departments: { id: string; name: string }[];
}) {
  const { t } = ctx;
  return (
    <>
      <div class="kern-form-input">
        <label class="kern-label" for="role">
          {t('staff.grant.role')}
        </label>
        <div class="kern-form-input__select-wrapper">
          <select class="kern-form-input__select" id="role" name="role">
            {roles.map((r) => (
              <option value={r}>{roleName(t, r)}</option>
            ))}
          </select>
        </div>
      </div>
      <div class="kern-form-input">
        <label class="kern-label" for="departmentId">
          {t('staff.grant.department')}
        </label>
        <div class="kern-form-input__select-wrapper">
          <select class="kern-form-input__select" id="departmentId" name="departmentId">
            <option value="">–</option>
            {departments.map((d) => (
              <option value={d.id}>{d.name}</option>
            ))}
          </select>
        </div>
      </div>
      <div class="kern-form-input">
        <label class="kern-label" for="organisationId">
          {t('staff.grant.organisation')}
        </label>
        <input
          class="kern-form-input__input"
          id="organisationId"
          name="organisationId"
          type="text"
        />
      </div>
    </>
  );
}

export function usersPage(
  ctx: PageContext,
  v: {
    users: UserItem[];
    departments: { id: string; name: string }[];
    errors: ErrorDetail[];
    values: { email: string; displayName: string };
    notice?: string;
  },
): string {
  const { t } = ctx;
  const deps = new Map(v.departments.map((d) => [d.id, d.name]));
  return renderPage({
    ctx,
    title: t('staff.users.title'),
    children: (
      <>
        <Breadcrumb
          ctx={ctx}
          items={[
            { href: '/verwaltung', label: t('staff.admin.title') },
            { label: t('staff.users.breadcrumb') },
          ]}
        />
        <h1 class="kern-heading-large">{t('staff.users.title')}</h1>
        {v.notice ? <Alert kind="success" title={v.notice} /> : null}
        <div
          class="kern-table-responsive"
          tabindex={0}
          role="region"
          aria-label={t('staff.users.region')}
        >
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">
              {t('staff.users.caption', { count: v.users.length })}
            </caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">
                  {t('staff.users.col.name')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t('staff.users.col.email')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t('staff.users.col.roles')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t('staff.users.col.status')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {v.users.map((u) => (
                <tr class="kern-table__row">
                  <th scope="row" class="kern-table__cell">
                    <a class="kern-link" href={`/verwaltung/benutzer/${u.id}`}>
                      {u.displayName}
                    </a>
                  </th>
                  <td class="kern-table__cell">{u.email}</td>
                  <td class="kern-table__cell">
                    {u.grants.map((g) => grantLabel(t, g, deps)).join(', ') || '–'}
                  </td>
                  <td class="kern-table__cell">{statusName(t, u.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2 class="kern-heading-medium">{t('staff.invite.title')}</h2>
        <ErrorSummary ctx={ctx} errors={v.errors} />
        <form method="post" action="/verwaltung/benutzer" class="narrow-form">
          <CsrfField ctx={ctx} />
          <Field
            id="displayName"
            label={t('staff.invite.name')}
            error={v.errors.find((e) => e.field === 'displayName')?.message}
          >
            <input
              class="kern-form-input__input"
              id="displayName"
              name="displayName"
              type="text"
              required
              value={v.values.displayName}
            />
          </Field>
          <Field
            id="email"
            label={t('staff.invite.email')}
            error={v.errors.find((e) => e.field === 'email')?.message}
          >
            <input
              class="kern-form-input__input"
              id="email"
              name="email"
              type="email"
              required
              value={v.values.email}
            />
          </Field>
          <GrantFields ctx={ctx} departments={v.departments} />
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">{t('staff.invite.submit')}</span>
          </button>
        </form>
      </>
    ),
  });
}

export function userPage(
  ctx: PageContext,
  v: {
    user: UserItem;
    departments: { id: string; name: string }[];
    error?: string;
    notice?: string;
  },
): string {
  const { t } = ctx;
  const deps = new Map(v.departments.map((d) => [d.id, d.name]));
  const { user } = v;
  return renderPage({
    ctx,
    title: user.displayName,
    children: (
      <>
        <Breadcrumb
          ctx={ctx}
          items={[
            { href: '/verwaltung', label: t('staff.admin.title') },
            { href: '/verwaltung/benutzer', label: t('staff.users.breadcrumb') },
            { label: user.displayName },
          ]}
        />
        <h1 class="kern-heading-large">{user.displayName}</h1>
        {v.notice ? <Alert kind="success" title={v.notice} /> : null}
        {v.error ? <Alert kind="danger" title={v.error} /> : null}
        <p class="kern-body">{`${user.email} · ${statusName(t, user.status)}`}</p>
        <h2 class="kern-heading-medium">{t('staff.user.roles')}</h2>
        {user.grants.length === 0 ? <p class="kern-body">{t('staff.user.noRoles')}</p> : null}
        <ul class="kern-list grant-list">
          {user.grants.map((g) => (
            <li>
              <form
                method="post"
                action={`/verwaltung/benutzer/${user.id}/rollen/entfernen`}
                class="inline-form"
              >
                <CsrfField ctx={ctx} />
                <input type="hidden" name="role" value={g.role} />
                <input type="hidden" name="departmentId" value={g.departmentId ?? ''} />
                <input type="hidden" name="organisationId" value={g.organisationId ?? ''} />
                <span>{grantLabel(t, g, deps)}</span>{' '}
                <button class="kern-btn kern-btn--tertiary kern-btn--x-small" type="submit">
                  <span class="kern-label">
                    {t('staff.user.removeGrant', { grant: grantLabel(t, g, deps) })}
                  </span>
                </button>
              </form>
            </li>
          ))}
        </ul>
        <form method="post" action={`/verwaltung/benutzer/${user.id}/rollen`} class="narrow-form">
          <CsrfField ctx={ctx} />
          <GrantFields ctx={ctx} departments={v.departments} />
          <button class="kern-btn kern-btn--secondary" type="submit">
            <span class="kern-label">{t('staff.user.addGrant')}</span>
          </button>
        </form>
        <h2 class="kern-heading-medium">{t('staff.user.access')}</h2>
        <form method="post" action={`/verwaltung/benutzer/${user.id}/status`}>
          <CsrfField ctx={ctx} />
          <input
            type="hidden"
            name="status"
            value={user.status === 'disabled' ? 'active' : 'disabled'}
          />
          <button class="kern-btn kern-btn--secondary" type="submit">
            <span class="kern-label">
              {user.status === 'disabled' ? t('staff.user.enable') : t('staff.user.disable')}
            </span>
          </button>
        </form>
      </>
    ),
  });
}

export interface AuditItem {
  id: number;
  at: Date;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export function auditPage(ctx: PageContext, entries: AuditItem[]): string {
  const time = new Intl.DateTimeFormat(ctx.locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Europe/Berlin',
  });
  const { t } = ctx;
  return renderPage({
    ctx,
    title: t('staff.audit.title'),
    children: (
      <>
        <Breadcrumb
          ctx={ctx}
          items={[
            { href: '/verwaltung', label: t('staff.admin.title') },
            { label: t('staff.audit.title') },
          ]}
        />
        <h1 class="kern-heading-large">{t('staff.audit.heading')}</h1>
        <p class="kern-body">
          <a class="kern-link" href="/verwaltung/protokoll.csv">
            {t('staff.audit.csv')}
          </a>
        </p>
        <div
          class="kern-table-responsive"
          tabindex={0}
          role="region"
          aria-label={t('staff.audit.title')}
        >
          <table class="kern-table kern-table--striped">
            <caption class="kern-sr-only">{t('staff.audit.title')}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">
                  {t('staff.audit.col.time')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t('staff.audit.col.actor')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t('staff.audit.col.action')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t('staff.audit.col.entity')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t('staff.audit.col.change')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {entries.map((e) => (
                <tr class="kern-table__row">
                  <td class="kern-table__cell">{time.format(e.at)}</td>
                  <td class="kern-table__cell">{e.actorLabel}</td>
                  <td class="kern-table__cell">{e.action}</td>
                  <td class="kern-table__cell">{`${e.entity} ${e.entityId}`}</td>
                  <td class="kern-table__cell audit-diff">
                    <code>{JSON.stringify(e.before)}</code> → <code>{JSON.stringify(e.after)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    ),
  });
}

export function adminHomePage(
  ctx: PageContext,
  links: { href: string; label: string; text: string }[],
): string {
  return renderPage({
    ctx,
    title: ctx.t('staff.admin.title'),
    children: (
      <>
        <h1 class="kern-heading-large">{ctx.t('staff.admin.title')}</h1>
        <ul class="kern-list">
          {links.map((l) => (
            <li>
              <a class="kern-link" href={l.href}>
                {l.label}
              </a>
              {` – ${l.text}`}
            </li>
          ))}
        </ul>
      </>
    ),
  });
}
