/**
 * The page's script, served as /map/assets/map.js (no inline script, so a strict CSP holds).
 * Everything shown is set with textContent: scheme text is never parsed as HTML. The list is the
 * primary view for keyboard and screen-reader users; the map mirrors it. Without tiles (offline,
 * blocked) the markers and list still work: only the background is missing.
 */
export const MAP_SCRIPT = String.raw`(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('map-config').textContent);
  var words = config.words;
  var state = { features: [], search: null };
  var list = document.getElementById('service-list');
  var status = document.getElementById('status');
  var filters = document.getElementById('filters');
  var searchForm = document.getElementById('search');
  var searchStatus = document.getElementById('search-status');

  var map = L.map('map', { center: [53.3, -1.9], zoom: 6, keyboard: true });
  var tiles = L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 18 });
  tiles.on('tileerror', function () {
    document.getElementById('tile-status').textContent =
      'The map background could not be loaded; the markers and the list still work.';
  });
  tiles.addTo(map);
  var markers = L.featureGroup().addTo(map);

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }
  function named(values, table) {
    return values.map(function (v) { return table[v] || v; }).join(', ');
  }
  function who(p) {
    var parts = [p.genders.length ? named(p.genders, words.genders) : 'Everyone'];
    if (p.ageRange.min !== null && p.ageRange.max !== null) parts.push('aged ' + p.ageRange.min + ' to ' + p.ageRange.max);
    else if (p.ageRange.min !== null) parts.push('aged ' + p.ageRange.min + ' and over');
    else if (p.ageRange.max !== null) parts.push('aged up to ' + p.ageRange.max);
    return parts.join(', ');
  }
  function where(p) {
    if (p.national) return 'National';
    if (p.coverageLocalAuthorities.length) return p.coverageLocalAuthorities.join(', ');
    return p.outcode ? 'Around ' + p.outcode : 'Remote';
  }
  function chosen() {
    return {
      need: filters.elements.need.value,
      gender: filters.elements.gender.value,
      hasPlaces: filters.elements.hasPlaces.checked,
    };
  }
  function visible(feature, f) {
    var p = feature.properties;
    if (f.need && p.pathways.indexOf(f.need) < 0) return false;
    if (f.gender && p.genders.length && p.genders.indexOf(f.gender) < 0) return false;
    if (f.hasPlaces && !p.placesAvailable) return false;
    if (state.search && !state.search.has(p.id)) return false;
    return true;
  }
  function describe(feature, distance) {
    var p = feature.properties;
    var item = el('li', null, 'service');
    item.setAttribute('data-scheme-id', p.id);
    item.appendChild(el('h3', p.scheme));
    item.appendChild(el('p', p.organisation.name, 'organisation'));
    var facts = el('dl');
    function fact(term, value) { facts.appendChild(el('dt', term)); facts.appendChild(el('dd', value)); }
    fact('Helps with', named(p.pathways, words.pathways));
    fact('For', who(p));
    fact('Where', where(p) + (distance !== undefined && distance !== null ? ' (' + distance + ' km away)' : ''));
    fact('How', named(p.deliveryModes, words.modes));
    if (p.throughTheGatePrisons.length) fact('Meets people in', p.throughTheGatePrisons.join(', '));
    fact('Places', p.placesAvailable ? 'Places available' : 'No places now (waiting list)');
    fact('How to get help', p.contactRoute.text);
    item.appendChild(facts);
    return item;
  }
  function render() {
    var f = chosen();
    var shown = state.features.filter(function (feature) { return visible(feature, f); });
    if (state.search) {
      shown.sort(function (a, b) { return state.search.get(a.properties.id).rank - state.search.get(b.properties.id).rank; });
    }
    markers.clearLayers();
    list.textContent = '';
    var drawn = 0;
    shown.forEach(function (feature) {
      var p = feature.properties;
      var distance = state.search ? state.search.get(p.id).distanceKm : undefined;
      var item = describe(feature, distance);
      list.appendChild(item);
      if (!feature.geometry) return;
      drawn += 1;
      var c = feature.geometry.coordinates;
      var marker = L.circleMarker([c[1], c[0]], {
        radius: 8, weight: 2, color: '#0b0c0c',
        fillColor: p.placesAvailable ? '#00703c' : '#b58840', fillOpacity: 0.9,
        className: 'scheme-marker',
      });
      var popup = el('div');
      popup.appendChild(el('strong', p.scheme));
      popup.appendChild(el('div', p.organisation.name));
      popup.appendChild(el('div', p.placesAvailable ? 'Places available' : 'No places now'));
      // A node, not a string: Leaflet sets string tooltips as HTML.
      marker.bindPopup(popup).bindTooltip(el('span', p.scheme));
      marker.on('click', function () { item.scrollIntoView({ block: 'nearest' }); });
      marker.addTo(markers);
    });
    // After a postcode search, bring the services found into view.
    if (state.search && drawn) map.fitBounds(markers.getBounds(), { maxZoom: 11, padding: [40, 40] });
    status.textContent = shown.length + (shown.length === 1 ? ' service' : ' services') + ' shown, ' +
      drawn + ' on the map' + (shown.length > drawn ? ' (the others are national or remote)' : '') + '.';
  }

  filters.addEventListener('change', render);
  filters.addEventListener('submit', function (event) { event.preventDefault(); render(); });
  searchForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var postcode = searchForm.elements.postcode.value.trim();
    if (!postcode) { clearSearch(); return; }
    var params = new URLSearchParams({ postcode: postcode, includeFull: 'true', first: '50' });
    var need = chosen().need;
    if (need) params.set('needs', need);
    searchStatus.textContent = 'Searching…';
    fetch('/map/search?' + params.toString(), { headers: { accept: 'application/json' } })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (answer) {
        if (!answer.ok) {
          searchStatus.textContent = (answer.body.error && answer.body.error.message) || 'The search did not work; try again.';
          return;
        }
        state.search = new Map();
        answer.body.results.forEach(function (r, i) { state.search.set(r.id, { rank: i, distanceKm: r.distanceKm }); });
        searchStatus.textContent = answer.body.results.length + ' services cover ' + postcode.toUpperCase() + '.';
        document.getElementById('clear-search').hidden = false;
        render();
      })
      .catch(function () { searchStatus.textContent = 'The search did not work; try again.'; });
  });
  function clearSearch() {
    state.search = null;
    searchStatus.textContent = '';
    document.getElementById('clear-search').hidden = true;
    render();
  }
  document.getElementById('clear-search').addEventListener('click', clearSearch);

  fetch('/map/services.geojson')
    .then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    })
    .then(function (collection) {
      state.features = collection.features;
      document.getElementById('generated').textContent =
        'Updated ' + new Date(collection.generatedAt).toLocaleString('en-GB') + '.';
      render();
      document.body.setAttribute('data-ready', 'true');
    })
    .catch(function () { status.textContent = 'The services could not be loaded; try again later.'; });
})();
`;
