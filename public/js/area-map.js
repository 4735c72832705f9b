// Progressive enhancement of the map page: swaps the server-rendered SVG for an interactive MapLibre map (no tiles).
const MAPLIBRE = '/assets/maplibre/maplibre-gl.mjs';
const WORKER = '/assets/maplibre/maplibre-gl-worker.mjs';

const germanUi = {
  'NavigationControl.ZoomIn': 'Vergrößern',
  'NavigationControl.ZoomOut': 'Verkleinern',
  'NavigationControl.ResetBearing': 'Karte nach Norden ausrichten',
  'Popup.Close': 'Schließen',
};

function hasWebGL() {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') || canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** [[west, south], [east, north]] of all coordinates in a FeatureCollection. */
function boundsOf(collection) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c) => {
    if (typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1]);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1]);
    } else c.forEach(visit);
  };
  for (const f of collection.features)
    if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  if (!Number.isFinite(b[0])) throw new Error('GeoJSON ohne Koordinaten');
  return [b.slice(0, 2), b.slice(2)];
}

async function enhance(el) {
  if (!hasWebGL()) throw new Error('WebGL nicht verfügbar');
  const [maplibregl, data] = await Promise.all([
    import(MAPLIBRE),
    fetch(el.dataset.geojson, { headers: { accept: 'application/geo+json' } }).then((r) => {
      if (!r.ok) throw new Error(`GeoJSON: HTTP ${r.status}`);
      return r.json();
    }),
  ]);
  // Same-origin module worker (worker-src 'self'), versioned against the 1-day asset cache;
  // MapLibre 6 would derive this URL from import.meta.url, set here so a move of the assets is visible.
  maplibregl.setWorkerUrl(`${new URL(WORKER, location.href).href}?v=${maplibregl.getVersion()}`);
  const bounds = boundsOf(data);
  const label = el.dataset.label || document.title;
  const map = new maplibregl.Map({
    container: el,
    bounds,
    fitBoundsOptions: { padding: 24 },
    keyboard: true,
    attributionControl: false, // the figure caption names the source
    locale: {
      ...(document.documentElement.lang.startsWith('de') ? germanUi : {}),
      'Map.Title': label,
    },
    style: {
      version: 8,
      sources: { areas: { type: 'geojson', data, promoteId: 'code' } },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#f6f8fa' } },
        {
          id: 'areas-fill',
          type: 'fill',
          source: 'areas',
          paint: {
            'fill-color': [
              'case',
              ['boolean', ['feature-state', 'hover'], false],
              '#4f8fcb',
              '#9ec5e8',
            ],
            'fill-opacity': 0.85,
          },
        },
        {
          id: 'areas-line',
          type: 'line',
          source: 'areas',
          paint: { 'line-color': '#0b3a6e', 'line-width': 0.8 },
        },
      ],
    },
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.getCanvas().setAttribute('aria-label', label);

  const popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false });
  let hovered = null;
  const setHover = (code) => {
    if (hovered !== null) map.setFeatureState({ source: 'areas', id: hovered }, { hover: false });
    hovered = code;
    if (code !== null) map.setFeatureState({ source: 'areas', id: code }, { hover: true });
  };
  map.on('mousemove', 'areas-fill', (e) => {
    const props = e.features?.[0]?.properties;
    if (!props) return;
    map.getCanvas().style.cursor = 'pointer';
    if (props.code !== hovered) setHover(props.code);
    popup.setLngLat(e.lngLat).setText(String(props.name ?? props.code));
    if (!popup.isOpen()) popup.addTo(map);
  });
  map.on('mouseleave', 'areas-fill', () => {
    map.getCanvas().style.cursor = '';
    setHover(null);
    popup.remove();
  });
  map.on('click', 'areas-fill', (e) => {
    const code = e.features?.[0]?.properties?.code;
    if (code != null) location.assign(el.dataset.areaBase + encodeURIComponent(String(code)));
  });

  let loaded = false;
  await new Promise((resolve, reject) => {
    map.on('error', (e) => (loaded ? console.warn('Karte:', e.error ?? e) : reject(e.error ?? e)));
    map.once('load', () => resolve((loaded = true)));
  }).catch((error) => {
    map.remove();
    throw error;
  });
  el.classList.add('is-enhanced');
  map.resize();
  map.fitBounds(bounds, { padding: 24, animate: false });
}

const container = document.querySelector('#karte[data-geojson]');
if (container) {
  enhance(container).catch((error) =>
    console.warn('Interaktive Karte nicht verfügbar, die SVG-Karte bleibt:', error),
  );
}
