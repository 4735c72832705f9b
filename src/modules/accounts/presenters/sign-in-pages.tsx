// Pages for signing in: login, forgotten password, new password (reset or invitation), own account.
import { renderPage } from '../../../ui/layout.tsx';
import { Alert, CsrfField, ErrorSummary, Field } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/page.ts';
import type { ErrorDetail } from '../../../core/errors.ts';
import type { RoleGrant } from '../../../core/policy.ts';
import { grantLabel } from './labels.ts';

export function loginPage(
  ctx: PageContext,
  state: { email: string; weiter: string; error?: string; notice?: string; oidc: boolean },
): string {
  const { t } = ctx;
  return renderPage({
    ctx,
    title: t('login.title'),
    children: (
      <>
        <h1 class="kern-heading-large">{t('login.title')}</h1>
        {state.notice ? <Alert kind="success" title={state.notice} /> : null}
        {state.error ? <Alert kind="danger" title={state.error} /> : null}
        {state.oidc ? (
          <p class="kern-body">
            <a
              class="kern-btn kern-btn--primary"
              href={`/anmelden/oidc?weiter=${encodeURIComponent(state.weiter)}`}
            >
              <span class="kern-label">{t('login.oidc')}</span>
            </a>
          </p>
        ) : null}
        <form method="post" action="/anmelden" class="narrow-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="weiter" value={state.weiter} />
          <Field id="email" label={t('login.email')}>
            <input
              class="kern-form-input__input"
              id="email"
              name="email"
              type="email"
              autocomplete="username"
              required
              value={state.email}
            />
          </Field>
          <Field id="password" label={t('login.password')}>
            <input
              class="kern-form-input__input"
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
            />
          </Field>
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">{t('login.submit')}</span>
          </button>
        </form>
        <p class="kern-body">
          <a class="kern-link" href="/passwort-vergessen">
            {t('login.forgot')}
          </a>
        </p>
      </>
    ),
  });
}

export function forgotPage(ctx: PageContext, state: { sent: boolean; error?: string }): string {
  const { t } = ctx;
  return renderPage({
    ctx,
    title: t('forgot.title'),
    children: (
      <>
        <h1 class="kern-heading-large">{t('forgot.title')}</h1>
        {state.sent ? <Alert kind="success" title={t('forgot.sent')} /> : null}
        {state.error ? <Alert kind="danger" title={state.error} /> : null}
        <p class="kern-body">{t('forgot.lead')}</p>
        <form method="post" action="/passwort-vergessen" class="narrow-form">
          <CsrfField ctx={ctx} />
          <Field id="email" label={t('login.email')}>
            <input
              class="kern-form-input__input"
              id="email"
              name="email"
              type="email"
              autocomplete="email"
              required
            />
          </Field>
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">{t('forgot.submit')}</span>
          </button>
        </form>
      </>
    ),
  });
}

export function newPasswordPage(
  ctx: PageContext,
  state: { token: string; valid: boolean; errors: ErrorDetail[] },
): string {
  const { t } = ctx;
  const errorFor = (f: string) =>
    state.errors
      .filter((e) => e.field === f)
      .map((e) => e.message)
      .join(' ') || undefined;
  return renderPage({
    ctx,
    title: t('newPassword.title'),
    children: (
      <>
        <h1 class="kern-heading-large">{t('newPassword.title')}</h1>
        {!state.valid ? (
          <>
            <Alert kind="danger" title={t('newPassword.invalid')} />
            <p class="kern-body">
              <a class="kern-link" href="/passwort-vergessen">
                {t('login.forgot')}
              </a>
            </p>
          </>
        ) : (
          <>
            <ErrorSummary ctx={ctx} errors={state.errors} />
            <p class="kern-body">{t('newPassword.rules')}</p>
            <form method="post" action="/passwort-neu" class="narrow-form">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="token" value={state.token} />
              <Field id="password" label={t('newPassword.password')} error={errorFor('password')}>
                <input
                  class="kern-form-input__input"
                  id="password"
                  name="password"
                  type="password"
                  autocomplete="new-password"
                  required
                  minLength={12}
                />
              </Field>
              <Field id="password2" label={t('newPassword.repeat')} error={errorFor('password2')}>
                <input
                  class="kern-form-input__input"
                  id="password2"
                  name="password2"
                  type="password"
                  autocomplete="new-password"
                  required
                />
              </Field>
              <button class="kern-btn kern-btn--primary" type="submit">
                <span class="kern-label">{t('newPassword.submit')}</span>
              </button>
            </form>
          </>
        )}
      </>
    ),
  });
}

export function accountPage(
  ctx: PageContext,
  user: { email: string; displayName: string },
  grants: RoleGrant[],
  departments: Map<string, string>,
  notice?: string,
): string {
  const { t } = ctx;
  return renderPage({
    ctx,
    title: t('account.title'),
    children: (
      <>
        <h1 class="kern-heading-large">{t('account.title')}</h1>
        {notice ? <Alert kind="success" title={notice} /> : null}
        <dl class="kern-description-list facts">
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('account.name')}</dt>
            <dd class="kern-description-list-item__value">{user.displayName}</dd>
          </div>
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('login.email')}</dt>
            <dd class="kern-description-list-item__value">{user.email}</dd>
          </div>
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t('account.roles')}</dt>
            <dd class="kern-description-list-item__value">
              {grants.length
                ? grants.map((g) => grantLabel(t, g, departments)).join(', ')
                : t('account.noRoles')}
            </dd>
          </div>
        </dl>
        <form method="post" action="/konto/ueberall-abmelden">
          <CsrfField ctx={ctx} />
          <button class="kern-btn kern-btn--secondary" type="submit">
            <span class="kern-label">{t('account.logoutEverywhere')}</span>
          </button>
        </form>
      </>
    ),
  });
}
