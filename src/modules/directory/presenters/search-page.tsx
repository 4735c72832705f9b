// The public search page of the directory: one GET form (term, topic, target group, age, language,
// accessibility, costs, open now, Sozialraum, near an address) and the result list.
import { renderPage } from '../../../ui/layout.tsx';
import { Alert } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/page.ts';
import type { Choice, SearchItem, SearchView } from '../view-model.ts';

function Checkboxes({
  name,
  legend,
  choices,
  chosen,
}: {
  name: string;
  legend: string;
  choices: Choice[];
  chosen: string[];
}) {
  if (choices.length === 0) return null;
  return (
    <fieldset class="kern-fieldset filter-group">
      <legend class="kern-label">{legend}</legend>
      {choices.map((c) => (
        <div class="kern-form-check">
          <input
            class="kern-form-check__checkbox"
            type="checkbox"
            id={`${name}-${c.value}`}
            name={name}
            value={c.value}
            checked={chosen.includes(c.value)}
          />
          <label class="kern-label" for={`${name}-${c.value}`}>
            {c.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

function Toggle({ id, label, checked }: { id: string; label: string; checked: boolean }) {
  return (
    <div class="kern-form-check">
      <input
        class="kern-form-check__checkbox"
        type="checkbox"
        id={id}
        name={id}
        value="1"
        checked={checked}
      />
      <label class="kern-label" for={id}>
        {label}
      </label>
    </div>
  );
}

function Result({ ctx, item }: { ctx: PageContext; item: SearchItem }) {
  const t = ctx.t;
  return (
    <li class="search-result">
      <h3 class="kern-heading-small">
        <a class="kern-link" href={`/angebote/${encodeURIComponent(item.id)}`}>
          {item.name}
        </a>
      </h3>
      <p class="kern-body kern-body--small">{item.organisation}</p>
      {item.summary ? <p class="kern-body">{item.summary}</p> : null}
      <ul class="result-facts">
        {item.openNow !== null ? (
          <li>{item.openNow ? t('dir.result.openNow') : t('dir.result.closedNow')}</li>
        ) : null}
        {item.todayHours ? <li>{t('dir.result.today', { hours: item.todayHours })}</li> : null}
        {item.distanceKm !== null ? (
          <li>
            {t('dir.result.distance', {
              km: new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 1 }).format(
                item.distanceKm,
              ),
            })}
          </li>
        ) : null}
        {item.areaNames.length > 0 ? (
          <li>{t('dir.result.serves', { areas: item.areaNames.join(', ') })}</li>
        ) : null}
        {item.languages.length > 0 ? (
          <li>{t('dir.result.languages', { languages: item.languages.join(', ') })}</li>
        ) : null}
        {item.free ? <li>{t('dir.result.free')}</li> : null}
      </ul>
    </li>
  );
}

function pageHref(form: SearchView['form'], page: number): string {
  const p = new URLSearchParams();
  if (form.text) p.set('q', form.text);
  for (const v of form.topic) p.append('thema', v);
  for (const v of form.targetGroup) p.append('zielgruppe', v);
  for (const v of form.language) p.append('sprache', v);
  if (form.age !== null) p.set('alter', String(form.age));
  if (form.accessible) p.set('barrierefrei', '1');
  if (form.free) p.set('kostenlos', '1');
  if (form.openNow) p.set('offen', '1');
  if (form.area) p.set('sozialraum', form.area);
  if (form.near) {
    p.set('lat', String(form.near.lat));
    p.set('lon', String(form.near.lon));
  }
  if (form.sort !== 'relevance') p.set('sortierung', form.sort);
  p.set('seite', String(page));
  return `/angebote?${p.toString()}`;
}

export function searchPage(ctx: PageContext, v: SearchView): string {
  const t = ctx.t;
  const f = v.form;
  const pages = Math.max(1, Math.ceil(v.total / v.pageSize));
  return renderPage({
    ctx,
    title: t('dir.search.title'),
    children: (
      <>
        <h1 class="kern-heading-large">{t('dir.search.title')}</h1>
        <p class="kern-body">{t('dir.search.intro')}</p>
        {v.example ? (
          <Alert kind="warning" title={t('example.badge')}>
            <p class="kern-body">{t('dir.search.example')}</p>
          </Alert>
        ) : null}
        <form method="get" action="/angebote" class="search-form" role="search">
          <div class="kern-form-input">
            <label class="kern-label" for="q">
              {t('dir.search.term')}
            </label>
            <input
              class="kern-form-input__input"
              id="q"
              name="q"
              type="search"
              value={f.text}
              maxlength={200}
              aria-describedby="q-hint"
            />
            <div class="kern-hint" id="q-hint">
              {t('dir.search.termHint')}
            </div>
          </div>
          <div class="kern-form-input">
            <label class="kern-label" for="sozialraum">
              {t('dir.search.area')}
            </label>
            <div class="kern-form-input__select-wrapper">
              <select class="kern-form-input__select" id="sozialraum" name="sozialraum">
                <option value="">{t('dir.search.anyArea')}</option>
                {v.choices.areas.map((a) => (
                  <option value={a.value} selected={a.value === f.area}>
                    {a.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <details class="filters" open={v.searched && !f.text ? true : undefined}>
            <summary>{t('dir.search.moreFilters')}</summary>
            <Checkboxes
              name="thema"
              legend={t('dir.search.topic')}
              choices={v.choices.topics}
              chosen={f.topic}
            />
            <Checkboxes
              name="zielgruppe"
              legend={t('dir.search.targetGroup')}
              choices={v.choices.targetGroups}
              chosen={f.targetGroup}
            />
            <Checkboxes
              name="sprache"
              legend={t('dir.search.language')}
              choices={v.choices.languages}
              chosen={f.language}
            />
            <div class="kern-form-input">
              <label class="kern-label" for="alter">
                {t('dir.search.age')}
              </label>
              <input
                class="kern-form-input__input kern-form-input__input--width-4"
                id="alter"
                name="alter"
                type="number"
                min={0}
                max={120}
                inputmode="numeric"
                value={f.age === null ? '' : String(f.age)}
              />
            </div>
            <fieldset class="kern-fieldset filter-group">
              <legend class="kern-label">{t('dir.search.more')}</legend>
              <Toggle id="offen" label={t('dir.search.openNow')} checked={f.openNow} />
              <Toggle id="kostenlos" label={t('dir.search.free')} checked={f.free} />
              <Toggle id="barrierefrei" label={t('dir.search.accessible')} checked={f.accessible} />
            </fieldset>
          </details>
          {f.near ? (
            <>
              <input type="hidden" name="lat" value={String(f.near.lat)} />
              <input type="hidden" name="lon" value={String(f.near.lon)} />
            </>
          ) : null}
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">{t('dir.search.submit')}</span>
          </button>
        </form>
        <section aria-labelledby="treffer">
          <h2 class="kern-heading-medium" id="treffer" aria-live="polite">
            {v.searched
              ? t('dir.search.results', { n: v.total })
              : t('dir.search.all', { n: v.total })}
          </h2>
          {v.total === 0 ? (
            <p class="kern-body">{t('dir.search.none')}</p>
          ) : (
            <ol class="search-results">
              {v.items.map((item) => (
                <Result ctx={ctx} item={item} />
              ))}
            </ol>
          )}
          {pages > 1 ? (
            <nav aria-label={t('dir.search.pages')} class="pagination">
              <ul>
                {f.page > 1 ? (
                  <li>
                    <a class="kern-link" href={pageHref(f, f.page - 1)} rel="prev">
                      {t('dir.search.prev')}
                    </a>
                  </li>
                ) : null}
                <li>{t('dir.search.pageOf', { page: f.page, pages })}</li>
                {f.page < pages ? (
                  <li>
                    <a class="kern-link" href={pageHref(f, f.page + 1)} rel="next">
                      {t('dir.search.next')}
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </section>
      </>
    ),
  });
}
