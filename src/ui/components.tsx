// Small shared building blocks on KERN UX: breadcrumb, badges, alerts, error summary, form fields.
import type { ComponentChildren } from 'preact';
import type { ErrorDetail } from '../core/errors.ts';
import type { PageContext } from './page.ts';

export function Breadcrumb({
  ctx,
  items,
}: {
  ctx: PageContext;
  items: { href?: string; label: string }[];
}) {
  return (
    <nav class="breadcrumb" aria-label={ctx.t('area.breadcrumb')}>
      <ol>
        {items.map((item, i) => (
          <li>
            {item.href && i < items.length - 1 ? (
              <a class="kern-link" href={item.href}>
                {item.label}
              </a>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function ExampleBadge({ ctx }: { ctx: PageContext }) {
  return <span class="kern-badge kern-badge--warning example-badge">{ctx.t('example.badge')}</span>;
}

export function Alert({
  kind,
  title,
  children,
}: {
  kind: 'info' | 'success' | 'warning' | 'danger';
  title: string;
  children?: ComponentChildren;
}) {
  return (
    <div class={`kern-alert kern-alert--${kind}`} role={kind === 'danger' ? 'alert' : 'status'}>
      <div class="kern-alert__header">
        <span class="kern-title">{title}</span>
      </div>
      {children ? <div class="kern-alert__body">{children}</div> : null}
    </div>
  );
}

export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors: ErrorDetail[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="kern-alert kern-alert--danger" role="alert" tabindex={-1} id="fehler">
      <div class="kern-alert__header">
        <span class="kern-title">{ctx.t('form.errors')}</span>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {errors.map((e) => (
            <li>{e.field ? <a href={`#${e.field}`}>{e.message}</a> : e.message}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function CsrfField({ ctx }: { ctx: PageContext }) {
  return ctx.csrfToken ? <input type="hidden" name="_csrf" value={ctx.csrfToken} /> : null;
}

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: ComponentChildren;
}

export function Field({ id, label, error, hint, children }: FieldProps) {
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={id}>
        {label}
      </label>
      {hint ? (
        <div class="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p class="kern-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}
