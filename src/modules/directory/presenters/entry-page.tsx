// One offering: everything a person needs to go there — address, hours today and in the week,
// phone, languages, accessibility, costs, how to apply — plus print and the verification date.
import { renderPage } from '../../../ui/layout.tsx';
import { Alert, Breadcrumb } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/page.ts';
import type { EntryView } from '../view-model.ts';

function Section({ id, title, text }: { id: string; title: string; text: string }) {
  if (!text) return null;
  return (
    <section aria-labelledby={id}>
      <h2 class="kern-heading-medium" id={id}>
        {title}
      </h2>
      {text.split(/\n{2,}/).map((p) => (
        <p class="kern-body">{p}</p>
      ))}
    </section>
  );
}

function date(ctx: PageContext, d: Date): string {
  return new Intl.DateTimeFormat(ctx.locale, {
    dateStyle: 'long',
    timeZone: 'Europe/Berlin',
  }).format(d);
}

export function entryPage(ctx: PageContext, v: EntryView): string {
  const t = ctx.t;
  return renderPage({
    ctx,
    title: v.name,
    children: (
      <>
        <Breadcrumb
          ctx={ctx}
          items={[{ href: '/angebote', label: t('dir.search.title') }, { label: v.name }]}
        />
        <h1 class="kern-heading-large">{v.name}</h1>
        <p class="kern-body lead">{v.organisation.name}</p>
        {v.isExample ? (
          <Alert kind="warning" title={t('example.badge')}>
            <p class="kern-body">{t('dir.entry.example')}</p>
          </Alert>
        ) : null}
        {v.status !== 'active' ? (
          <Alert kind="danger" title={t('dir.entry.inactive', { status: v.status })} />
        ) : null}
        {v.stale ? <Alert kind="warning" title={t('dir.entry.stale')} /> : null}
        {v.untranslated ? (
          <p class="kern-body kern-body--small" lang="de">
            {t('dir.entry.untranslated')}
          </p>
        ) : null}
        {v.translationOutdated ? (
          <p class="kern-body kern-body--small">{t('dir.entry.outdated')}</p>
        ) : null}
        <section aria-labelledby="auf-einen-blick" class="entry-facts">
          <h2 class="kern-heading-medium" id="auf-einen-blick">
            {t('dir.entry.atAGlance')}
          </h2>
          <dl class="facts">
            {v.openNow !== null ? (
              <>
                <dt>{t('dir.entry.now')}</dt>
                <dd>{v.openNow ? t('dir.result.openNow') : t('dir.result.closedNow')}</dd>
              </>
            ) : null}
            <dt>{t('dir.entry.today')}</dt>
            <dd>{v.todayHours ?? t('dir.entry.noHours')}</dd>
            {v.locations.map((l) => (
              <>
                <dt>{l.name ?? t('dir.entry.address')}</dt>
                <dd>
                  {l.addressLines.map((line) => (
                    <span class="address-line">{line}</span>
                  ))}
                  {l.transportation ? <span class="address-line">{l.transportation}</span> : null}
                  {l.latitude !== null && l.longitude !== null ? (
                    <a
                      class="kern-link no-print"
                      href={`https://www.openstreetmap.org/?mlat=${l.latitude}&mlon=${l.longitude}#map=17/${l.latitude}/${l.longitude}`}
                    >
                      {t('dir.entry.openMap')}
                    </a>
                  ) : null}
                </dd>
              </>
            ))}
            {v.phones.map((p) => (
              <>
                <dt>{p.description || t('dir.entry.phone')}</dt>
                <dd>
                  <a class="kern-link" href={`tel:${p.number.replace(/[^+\d]/g, '')}`}>
                    {p.number}
                  </a>
                </dd>
              </>
            ))}
            {v.email ? (
              <>
                <dt>{t('dir.entry.email')}</dt>
                <dd>
                  <a class="kern-link" href={`mailto:${v.email}`}>
                    {v.email}
                  </a>
                </dd>
              </>
            ) : null}
            {v.url ? (
              <>
                <dt>{t('dir.entry.website')}</dt>
                <dd>
                  <a class="kern-link" href={v.url} rel="noopener noreferrer">
                    {v.url}
                  </a>
                </dd>
              </>
            ) : null}
            {v.languages.length > 0 ? (
              <>
                <dt>{t('dir.entry.languages')}</dt>
                <dd>{v.languages.join(', ')}</dd>
              </>
            ) : null}
            <dt>{t('dir.entry.costs')}</dt>
            <dd>{v.free ? t('dir.result.free') : v.costs.join('; ') || v.fees || '–'}</dd>
            {v.ageRange ? (
              <>
                <dt>{t('dir.entry.age')}</dt>
                <dd>{v.ageRange}</dd>
              </>
            ) : null}
            {v.locations.some((l) => l.accessibility.length > 0) ? (
              <>
                <dt>{t('dir.entry.accessibility')}</dt>
                <dd>{v.locations.flatMap((l) => l.accessibility).join('; ')}</dd>
              </>
            ) : null}
            {v.serviceAreas.length > 0 ? (
              <>
                <dt>{t('dir.entry.serves')}</dt>
                <dd>{v.serviceAreas.join(', ')}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <Section id="beschreibung" title={t('dir.entry.description')} text={v.description} />
        <Section id="wer" title={t('dir.entry.eligibility')} text={v.eligibility} />
        <Section id="wie" title={t('dir.entry.apply')} text={v.applicationProcess} />
        {v.hours.length > 0 ? (
          <section aria-labelledby="zeiten">
            <h2 class="kern-heading-medium" id="zeiten">
              {t('dir.entry.hours')}
            </h2>
            <table class="kern-table">
              <caption class="kern-table__caption">{t('dir.entry.hoursCaption')}</caption>
              <tbody class="kern-table__body">
                {v.hours.map(([day, hours]) => (
                  <tr class="kern-table__row">
                    <th class="kern-table__header" scope="row">
                      {day}
                    </th>
                    <td class="kern-table__cell">{hours}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        {v.topics.length + v.targetGroups.length > 0 ? (
          <p class="kern-body">
            {[...v.topics, ...v.targetGroups].map((name) => (
              <span class="kern-badge kern-badge--info topic-badge">{name}</span>
            ))}
          </p>
        ) : null}
        <p class="kern-body kern-body--small">
          {v.assuredDate
            ? t('dir.entry.assured', { date: date(ctx, v.assuredDate) })
            : t('dir.entry.notAssured')}{' '}
          {t('dir.entry.changed', { date: date(ctx, v.lastModified) })}
        </p>
        <p class="no-print">
          <a class="kern-link" href="/angebote">
            {t('dir.entry.back')}
          </a>
        </p>
      </>
    ),
  });
}
