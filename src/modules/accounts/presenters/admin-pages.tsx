// Staff administration pages: users with their roles, one user, invitations, the audit log.
import { renderPage } from '../../../ui/layout.tsx';
import { Alert, Breadcrumb, CsrfField, ErrorSummary, Field } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/page.ts';
import type { ErrorDetail } from '../../../core/errors.ts';
import { roles, type RoleGrant } from '../../../core/policy.ts';
import { grantLabel, roleNames } from './labels.ts';

interface UserItem {
  id: number;
  email: string;
  displayName: string;
  status: string;
  grants: RoleGrant[];
}

const statusNames: Record<string, string> = {
  active: 'aktiv',
  invited: 'eingeladen',
  disabled: 'gesperrt',
};

function GrantFields({ departments }: { departments: { id: string; name: string }[] }) {
  return (
    <>
      <div class="kern-form-input">
        <label class="kern-label" for="role">
          Rolle
        </label>
        <div class="kern-form-input__select-wrapper">
          <select class="kern-form-input__select" id="role" name="role">
            {roles.map((r) => (
              <option value={r}>{roleNames[r]}</option>
            ))}
          </select>
        </div>
      </div>
      <div class="kern-form-input">
        <label class="kern-label" for="departmentId">
          Fachbereich (für Organisation)
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
          Organisation (für Anbieter)
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
  const deps = new Map(v.departments.map((d) => [d.id, d.name]));
  return renderPage({
    ctx,
    title: 'Benutzerverwaltung',
    children: (
      <>
        <Breadcrumb
          ctx={ctx}
          items={[{ href: '/verwaltung', label: 'Verwaltung' }, { label: 'Benutzer' }]}
        />
        <h1 class="kern-heading-large">Benutzerverwaltung</h1>
        {v.notice ? <Alert kind="success" title={v.notice} /> : null}
        <div class="kern-table-responsive" tabindex={0} role="region" aria-label="Benutzer">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{`Benutzer (${v.users.length})`}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">
                  Name
                </th>
                <th scope="col" class="kern-table__header">
                  E-Mail
                </th>
                <th scope="col" class="kern-table__header">
                  Rollen
                </th>
                <th scope="col" class="kern-table__header">
                  Status
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
                    {u.grants.map((g) => grantLabel(g, deps)).join(', ') || '–'}
                  </td>
                  <td class="kern-table__cell">{statusNames[u.status] ?? u.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2 class="kern-heading-medium">Person einladen</h2>
        <ErrorSummary ctx={ctx} errors={v.errors} />
        <form method="post" action="/verwaltung/benutzer" class="narrow-form">
          <CsrfField ctx={ctx} />
          <Field
            id="displayName"
            label="Name"
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
            label="E-Mail-Adresse"
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
          <GrantFields departments={v.departments} />
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">Einladung senden</span>
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
            { href: '/verwaltung', label: 'Verwaltung' },
            { href: '/verwaltung/benutzer', label: 'Benutzer' },
            { label: user.displayName },
          ]}
        />
        <h1 class="kern-heading-large">{user.displayName}</h1>
        {v.notice ? <Alert kind="success" title={v.notice} /> : null}
        {v.error ? <Alert kind="danger" title={v.error} /> : null}
        <p class="kern-body">{`${user.email} · ${statusNames[user.status] ?? user.status}`}</p>
        <h2 class="kern-heading-medium">Rollen</h2>
        {user.grants.length === 0 ? <p class="kern-body">Keine Rollen.</p> : null}
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
                <span>{grantLabel(g, deps)}</span>{' '}
                <button class="kern-btn kern-btn--tertiary kern-btn--x-small" type="submit">
                  <span class="kern-label">{`Entfernen: ${grantLabel(g, deps)}`}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
        <form method="post" action={`/verwaltung/benutzer/${user.id}/rollen`} class="narrow-form">
          <CsrfField ctx={ctx} />
          <GrantFields departments={v.departments} />
          <button class="kern-btn kern-btn--secondary" type="submit">
            <span class="kern-label">Rolle hinzufügen</span>
          </button>
        </form>
        <h2 class="kern-heading-medium">Zugang</h2>
        <form method="post" action={`/verwaltung/benutzer/${user.id}/status`}>
          <CsrfField ctx={ctx} />
          <input
            type="hidden"
            name="status"
            value={user.status === 'disabled' ? 'active' : 'disabled'}
          />
          <button class="kern-btn kern-btn--secondary" type="submit">
            <span class="kern-label">
              {user.status === 'disabled' ? 'Konto entsperren' : 'Konto sperren und abmelden'}
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
  const time = new Intl.DateTimeFormat('de-DE', {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Europe/Berlin',
  });
  return renderPage({
    ctx,
    title: 'Protokoll',
    children: (
      <>
        <Breadcrumb
          ctx={ctx}
          items={[{ href: '/verwaltung', label: 'Verwaltung' }, { label: 'Protokoll' }]}
        />
        <h1 class="kern-heading-large">Protokoll aller Änderungen</h1>
        <p class="kern-body">
          <a class="kern-link" href="/verwaltung/protokoll.csv">
            Als CSV herunterladen
          </a>
        </p>
        <div class="kern-table-responsive" tabindex={0} role="region" aria-label="Protokoll">
          <table class="kern-table kern-table--striped">
            <caption class="kern-sr-only">Protokoll</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">
                  Zeit
                </th>
                <th scope="col" class="kern-table__header">
                  Wer
                </th>
                <th scope="col" class="kern-table__header">
                  Was
                </th>
                <th scope="col" class="kern-table__header">
                  Objekt
                </th>
                <th scope="col" class="kern-table__header">
                  Vorher / Nachher
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
    title: 'Verwaltung',
    children: (
      <>
        <h1 class="kern-heading-large">Verwaltung</h1>
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
