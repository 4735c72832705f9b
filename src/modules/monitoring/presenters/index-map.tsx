// The map of the social index: status as colour (darker = more disadvantage), dynamics as a mark pattern.
import { Legend, MissingPatterns } from '../../../ui/charts.tsx';
import { palette } from '../../../ui/classify.ts';
import type { PageContext } from '../../../ui/page.ts';
import { SvgMap, type MapShape } from '../../../ui/svg-map.tsx';
import { DYNAMICS_CLASSES, STATUS_CLASSES } from '../index-method.ts';
import type { IndexView } from '../view-model.ts';
import { profileHref } from './level-controls.tsx';

const MARK = '#1b1f24';
const NO_CLASS = '#ffffff';
/** MissingPatterns prefix: not indexed areas get `<prefix>-keine-daten`. */
const PATTERN_PREFIX = 'index-muster';
/** Light (status hoch, little disadvantage) to dark (sehr niedrig), as on every map: darker is worse. */
const STATUS_COLOURS = palette(STATUS_CLASSES.length, 'high_bad');

type Marks = 'plus' | 'minus' | null;

export function statusColour(statusClass: string | null): string {
  const i = STATUS_CLASSES.indexOf(statusClass as (typeof STATUS_CLASSES)[number]);
  return i >= 0 ? STATUS_COLOURS[i]! : NO_CLASS;
}

/** Positive dynamics carry "+" marks, negative "−" marks, stable none: readable in greyscale. */
function marksOf(dynamicsClass: string | null): Marks {
  if (dynamicsClass === DYNAMICS_CLASSES[0]) return 'plus';
  if (dynamicsClass === DYNAMICS_CLASSES[2]) return 'minus';
  return null;
}

function patternId(statusClass: string, dynamicsClass: string): string {
  const s = STATUS_CLASSES.indexOf(statusClass as (typeof STATUS_CLASSES)[number]);
  const d = DYNAMICS_CLASSES.indexOf(dynamicsClass as (typeof DYNAMICS_CLASSES)[number]);
  return `index-gruppe-${s}-${d}`;
}

/** The fill of an area of a group: the status colour, with the dynamics marks as a pattern. */
export function groupFill(statusClass: string | null, dynamicsClass: string | null): string {
  if (!statusClass) return `url(#${PATTERN_PREFIX}-keine-daten)`;
  return dynamicsClass && marksOf(dynamicsClass)
    ? `url(#${patternId(statusClass, dynamicsClass)})`
    : statusColour(statusClass);
}

function Mark({ kind, x, y }: { kind: Exclude<Marks, null>; x: number; y: number }) {
  const d = kind === 'plus' ? `M${x - 3} ${y}h6M${x} ${y - 3}v6` : `M${x - 3} ${y}h6`;
  return <path d={d} stroke={MARK} stroke-width="1.4" fill="none" />;
}

function GroupPatterns({ groups }: { groups: IndexView['groups'] }) {
  return (
    <defs>
      {groups.flatMap((g) => {
        const marks = marksOf(g.dynamicsClass);
        if (!marks || !STATUS_CLASSES.includes(g.statusClass as (typeof STATUS_CLASSES)[number]))
          return [];
        return [
          <pattern
            id={patternId(g.statusClass, g.dynamicsClass)}
            width="12"
            height="12"
            patternUnits="userSpaceOnUse"
          >
            <rect width="12" height="12" fill={statusColour(g.statusClass)} />
            <Mark kind={marks} x={6} y={6} />
          </pattern>,
        ];
      })}
    </defs>
  );
}

/** A small picture of a group for its table cell; hidden from readers, the cell says it in words. */
export function GroupSwatch({
  statusClass,
  dynamicsClass,
}: {
  statusClass: string | null;
  dynamicsClass: string | null;
}) {
  const marks = marksOf(dynamicsClass);
  return (
    <svg
      class="map-legend__swatch"
      viewBox="0 0 28 18"
      width="28"
      height="18"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="0.5" y="0.5" width="27" height="17" fill={statusColour(statusClass)} stroke={MARK} />
      {marks ? (
        <>
          <Mark kind={marks} x={8} y={9} />
          <Mark kind={marks} x={20} y={9} />
        </>
      ) : null}
    </svg>
  );
}

/** The map of the areas by group, with the hatching for areas without an index. */
export function IndexMap({
  ctx,
  view,
  title,
}: {
  ctx: PageContext;
  view: IndexView;
  title: string;
}) {
  if (view.shapes.length === 0)
    return <p class="kern-body note">{ctx.t('mon.maps.map.noShapes')}</p>;
  const byArea = new Map(view.rows.map((r) => [r.area.id, r]));
  const shapes: MapShape[] = view.shapes.map((s) => {
    const row = byArea.get(s.areaId);
    const indexed = row && row.statusClass !== null;
    return {
      id: s.code,
      name: `${s.name}: ${
        indexed
          ? (row.group ?? ctx.t('mon.maps.index.statusLabel', { s: row.statusClass! }))
          : ctx.t('mon.maps.index.notIndexed')
      }`,
      href: profileHref(view.system.id, s.code, view.period, view.notice),
      geometry: s.geometry,
      fill: indexed ? groupFill(row.statusClass, row.dynamicsClass) : groupFill(null, null),
    };
  });
  const unindexed = shapes.some((s) => s.fill === groupFill(null, null));
  return (
    <>
      <figure class="map-figure">
        <SvgMap
          width={960}
          height={720}
          title={title}
          shapes={shapes}
          defs={
            <>
              <MissingPatterns idPrefix={PATTERN_PREFIX} />
              <GroupPatterns groups={view.groups} />
            </>
          }
        />
        <figcaption class="kern-body kern-body--small">
          {ctx.t('mon.maps.index.mapCaption')}
        </figcaption>
      </figure>
      {unindexed ? (
        <Legend
          breaks={[]}
          colours={[]}
          precision={0}
          locale={ctx.locale}
          noDataLabel={ctx.t('mon.maps.index.notIndexed')}
        />
      ) : null}
    </>
  );
}
