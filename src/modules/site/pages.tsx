// Pages of the site: start page with the three pillars, legal pages, barrier report, Leichte Sprache.
import { renderPage } from '../../ui/layout.tsx';
import { Alert, CsrfField, ErrorSummary, Field } from '../../ui/components.tsx';
import type { MessageKey } from '../../ui/i18n/index.ts';
import type { PageContext } from '../../ui/page.ts';
import type { ErrorDetail } from '../../core/errors.ts';

function Pillar({
  ctx,
  title,
  text,
  href,
  link,
  available,
}: {
  ctx: PageContext;
  title: MessageKey;
  text: MessageKey;
  href?: string;
  link?: MessageKey;
  available: boolean;
}) {
  const { t } = ctx;
  return (
    <li class="kern-card pillar">
      <div class="kern-card__container">
        <div class="kern-card__header">
          <h3 class="kern-title kern-title--large">{t(title)}</h3>
          <span class={`kern-badge ${available ? 'kern-badge--success' : 'kern-badge--info'}`}>
            {t(available ? 'home.status.available' : 'home.status.soon')}
          </span>
        </div>
        <div class="kern-card__body">
          <p class="kern-body">{t(text)}</p>
        </div>
        {href && link ? (
          <div class="kern-card__footer">
            <a class="kern-link" href={href}>
              {t(link)}
            </a>
          </div>
        ) : null}
      </div>
    </li>
  );
}

export function homePage(ctx: PageContext): string {
  const { t } = ctx;
  return renderPage({
    ctx,
    title: t('home.title'),
    children: (
      <>
        <h1 class="kern-heading-x-large">{t('home.title')}</h1>
        <p class="kern-body kern-body--large lead">{t('home.lead')}</p>
        <h2 class="kern-heading-medium">{t('home.pillars')}</h2>
        <ul class="pillars">
          <Pillar
            ctx={ctx}
            title="home.monitoring.title"
            text="home.monitoring.text"
            href="/gebiete"
            link="home.monitoring.link"
            available
          />
          <Pillar
            ctx={ctx}
            title="home.directory.title"
            text="home.directory.text"
            available={false}
          />
          <Pillar
            ctx={ctx}
            title="home.dialogues.title"
            text="home.dialogues.text"
            available={false}
          />
        </ul>
        <h2 class="kern-heading-medium">{t('home.spaces.title')}</h2>
        <p class="kern-body">{t('home.spaces.text')}</p>
        <p class="kern-body">
          <a class="kern-link" href="/gebiete/oberhausen">
            {t('home.spaces.link')}
          </a>
        </p>
      </>
    ),
  });
}

interface TextSection {
  heading?: MessageKey;
  text: MessageKey[];
  link?: { href: string; label: MessageKey };
}

export function textPage(ctx: PageContext, title: MessageKey, sections: TextSection[]): string {
  const { t } = ctx;
  return renderPage({
    ctx,
    title: t(title),
    children: (
      <>
        <h1 class="kern-heading-large">{t(title)}</h1>
        {sections.map((s) => (
          <section>
            {s.heading ? <h2 class="kern-heading-medium">{t(s.heading)}</h2> : null}
            {s.text.map((k) => (
              <p class="kern-body">{t(k)}</p>
            ))}
            {s.link ? (
              <p class="kern-body">
                <a class="kern-link" href={s.link.href}>
                  {t(s.link.label)}
                </a>
              </p>
            ) : null}
          </section>
        ))}
      </>
    ),
  });
}

export function accessibilityPage(ctx: PageContext): string {
  return textPage(ctx, 'a11y.title', [
    { text: ['a11y.intro'] },
    { heading: 'a11y.status.title', text: ['a11y.status.text'] },
    { heading: 'a11y.limits.title', text: ['a11y.limits.text'] },
    { heading: 'a11y.date.title', text: ['a11y.date.text'] },
    {
      heading: 'a11y.feedback.title',
      text: ['a11y.feedback.text'],
      link: { href: '/barriere-melden', label: 'barrier.title' },
    },
    { heading: 'a11y.enforcement.title', text: ['a11y.enforcement.text'] },
  ]);
}

export interface BarrierFormState {
  values: { pageUrl: string; message: string; contact: string };
  errors: ErrorDetail[];
  sent?: boolean;
}

export function barrierPage(ctx: PageContext, state: BarrierFormState): string {
  const { t } = ctx;
  const errorFor = (field: string) => state.errors.find((e) => e.field === field)?.message;
  return renderPage({
    ctx,
    title: t('barrier.title'),
    children: (
      <>
        <h1 class="kern-heading-large">{t('barrier.title')}</h1>
        {state.sent ? <Alert kind="success" title={t('barrier.thanks')} /> : null}
        <ErrorSummary ctx={ctx} errors={state.errors} />
        <p class="kern-body">{t('barrier.lead')}</p>
        <form method="post" action="/barriere-melden" novalidate>
          <CsrfField ctx={ctx} />
          <Field id="pageUrl" label={t('barrier.page')} error={errorFor('pageUrl')}>
            <input
              class="kern-form-input__input"
              id="pageUrl"
              name="pageUrl"
              type="text"
              value={state.values.pageUrl}
              autocomplete="url"
            />
          </Field>
          <Field id="message" label={t('barrier.message')} error={errorFor('message')}>
            <textarea
              class="kern-form-input__input"
              id="message"
              name="message"
              rows={6}
              required
              aria-invalid={errorFor('message') ? 'true' : undefined}
              aria-describedby={errorFor('message') ? 'message-error' : undefined}
            >
              {state.values.message}
            </textarea>
          </Field>
          <Field id="contact" label={t('barrier.contact')} error={errorFor('contact')}>
            <input
              class="kern-form-input__input"
              id="contact"
              name="contact"
              type="text"
              value={state.values.contact}
              autocomplete="email"
            />
          </Field>
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">{t('barrier.submit')}</span>
          </button>
        </form>
      </>
    ),
  });
}

export function easyLanguagePage(ctx: PageContext): string {
  const { t } = ctx;
  const lines: MessageKey[] = [
    'easy.p1',
    'easy.p2',
    'easy.p3',
    'easy.p4',
    'easy.p5',
    'easy.p6',
    'easy.p7',
  ];
  return renderPage({
    ctx,
    title: t('easy.title'),
    children: (
      <div class="easy-language" lang="de">
        <h1 class="kern-heading-large">{t('easy.title')}</h1>
        {lines.map((k) => (
          <p class="kern-body kern-body--large">{t(k)}</p>
        ))}
        <p class="kern-body kern-body--large">
          <a class="kern-link" href="/barriere-melden">
            {t('easy.link')}
          </a>
        </p>
      </div>
    ),
  });
}

export function errorPage(ctx: PageContext, message: string, details: string[] = []): string {
  const { t } = ctx;
  return renderPage({
    ctx,
    title: t('error.title'),
    children: (
      <>
        <h1 class="kern-heading-large">{t('error.title')}</h1>
        <p class="kern-body kern-body--large">{message}</p>
        {details.length > 0 ? (
          <ul class="kern-list">
            {details.map((d) => (
              <li>{d}</li>
            ))}
          </ul>
        ) : null}
        <p class="kern-body">
          <a class="kern-link" href="/">
            {t('error.back')}
          </a>
        </p>
      </>
    ),
  });
}
