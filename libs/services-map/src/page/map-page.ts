import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MAP_SCRIPT } from './map-script';
import { MAP_STYLE } from './map-style';
import { GENDER_WORDS, MODE_WORDS, PATHWAY_WORDS } from './map-words';

/** A file the page loads from /map/assets/. */
export interface MapAsset {
  type: string;
  body: Buffer;
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Where the tiles come from, for the page's Content-Security-Policy (`{s}` subdomains become `*`). */
export function tileOrigin(tileUrl: string): string | null {
  if (tileUrl.startsWith('/')) return null;
  const match = /^(https?:\/\/)([^/]+)/.exec(tileUrl);
  return match ? `${match[1]}${match[2].replace(/\{s\}/g, '*')}` : null;
}

/**
 * GET /map and its assets, built once at start: the HTML with the tile settings, Leaflet from the
 * npm package (no CDN), and the page's own script and styles.
 */
@Injectable()
export class MapPage {
  readonly html: string;
  readonly contentSecurityPolicy: string;
  readonly assets: Map<string, MapAsset>;

  constructor(config: ConfigService) {
    const tileUrl = config.getOrThrow<string>('MAP_TILE_URL');
    const tileAttribution = config.getOrThrow<string>('MAP_TILE_ATTRIBUTION');
    const leaflet = dirname(require.resolve('leaflet/dist/leaflet.js'));
    this.assets = new Map<string, MapAsset>([
      [
        'leaflet.js',
        { type: 'text/javascript; charset=utf-8', body: readFileSync(join(leaflet, 'leaflet.js')) },
      ],
      [
        'leaflet.css',
        { type: 'text/css; charset=utf-8', body: readFileSync(join(leaflet, 'leaflet.css')) },
      ],
      ['map.js', { type: 'text/javascript; charset=utf-8', body: Buffer.from(MAP_SCRIPT) }],
      ['map.css', { type: 'text/css; charset=utf-8', body: Buffer.from(MAP_STYLE) }],
    ]);
    const origin = tileOrigin(tileUrl);
    this.contentSecurityPolicy = [
      "default-src 'self'",
      `img-src 'self' data:${origin ? ` ${origin}` : ''}`,
      "script-src 'self'",
      // Leaflet positions tiles and markers with inline styles.
      "style-src 'self' 'unsafe-inline'",
      "connect-src 'self'",
      "frame-ancestors 'self'",
      "base-uri 'none'",
      "form-action 'self'",
    ].join('; ');
    this.html = page({
      tileUrl,
      tileAttribution,
      words: { pathways: PATHWAY_WORDS, genders: GENDER_WORDS, modes: MODE_WORDS },
    });
  }
}

function options(table: Record<string, string>, any: string): string {
  return [`<option value="">${any}</option>`]
    .concat(
      Object.entries(table).map(
        ([value, label]) => `<option value="${value}">${escapeHtml(label)}</option>`,
      ),
    )
    .join('');
}

function page(config: Record<string, unknown>): string {
  // JSON in a non-executed script element; `<` escaped so the text cannot close the element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const words = config.words as {
    pathways: Record<string, string>;
    genders: Record<string, string>;
  };
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mentoring services for people leaving prison – Resettle Match</title>
<link rel="stylesheet" href="/map/assets/leaflet.css">
<link rel="stylesheet" href="/map/assets/map.css">
<script type="application/json" id="map-config">${json}</script>
</head>
<body>
<a class="skip" href="#list-panel">Skip to the list of services</a>
<header><h1>Mentoring services for people leaving prison</h1></header>
<div class="controls">
  <form id="search" role="search" aria-label="Services near a postcode">
    <div><label for="postcode">Release postcode or district</label>
    <input type="text" id="postcode" name="postcode" autocomplete="postal-code" placeholder="e.g. LS6" maxlength="10"></div>
    <button type="submit">Find services</button>
    <button type="button" class="secondary" id="clear-search" hidden>Show all</button>
  </form>
  <form id="filters" aria-label="Filter services">
    <div><label for="need">Help with</label><select id="need" name="need">${options(words.pathways, 'Any need')}</select></div>
    <div><label for="gender">For</label><select id="gender" name="gender">${options(words.genders, 'Anyone')}</select></div>
    <div class="checkbox"><input type="checkbox" id="hasPlaces" name="hasPlaces"> <label for="hasPlaces">Only services with places</label></div>
  </form>
</div>
<main>
  <section id="list-panel" aria-labelledby="list-heading" tabindex="-1">
    <h2 id="list-heading">Services</h2>
    <p class="note" id="search-status" role="status" aria-live="polite"></p>
    <p class="status" id="status" role="status" aria-live="polite">Loading services…</p>
    <ol id="service-list"></ol>
    <p class="note" id="generated"></p>
  </section>
  <div id="map" role="region" aria-label="Map of the services (the list shows the same services)"></div>
</main>
<footer>
  <p class="note" id="tile-status" role="status"></p>
  <p>No personal data is shown here. Open data: <a href="/map/services.geojson">GeoJSON</a>,
  <a href="/openreferral/services">Open Referral UK</a>. Contains OS data © Crown copyright and database right.</p>
</footer>
<script src="/map/assets/leaflet.js"></script>
<script src="/map/assets/map.js"></script>
</body>
</html>`;
}
