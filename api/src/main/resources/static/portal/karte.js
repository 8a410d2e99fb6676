// The map pin of a report's form, as an enhancement: the coordinate and address fields stay the
// form's way to say where, and this only fills the coordinates from a click on the map. When no
// tile loads (the tile server is down or not reachable), the map goes away again and a notice
// says to use the fields.
(function () {
  'use strict';
  var box = document.getElementById('karte');
  var lat = document.getElementById('feld-lat');
  var lon = document.getElementById('feld-lon');
  var notice = document.getElementById('karte-hinweis');
  var how = document.getElementById('karte-anleitung');
  if (!box || !lat || !lon || !window.L) {
    return;
  }
  var number = function (value) {
    var n = parseFloat(String(value).replace(',', '.'));
    return isFinite(n) ? n : null;
  };
  var start = [
    number(lat.value) !== null ? number(lat.value) : number(box.dataset.lat),
    number(lon.value) !== null ? number(lon.value) : number(box.dataset.lon)
  ];
  box.hidden = false;
  how.hidden = false;
  var map = window.L.map(box, { keyboard: true }).setView(start, parseInt(box.dataset.zoom, 10));
  var loaded = 0;
  var gone = false;
  var layer = window.L.tileLayer(box.dataset.tiles, {
    attribution: '',
    maxZoom: 19
  });
  // the attribution as text, never as HTML
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(
    box.dataset.attribution.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  var fallback = function () {
    if (gone) {
      return;
    }
    gone = true;
    map.remove();
    box.hidden = true;
    how.hidden = true;
    notice.textContent = box.dataset.fallback;
    notice.hidden = false;
  };
  layer.on('tileload', function () {
    loaded += 1;
  });
  layer.on('tileerror', function () {
    if (loaded === 0) {
      fallback();
    }
  });
  layer.addTo(map);
  var marker = null;
  var pin = function (at) {
    lat.value = at.lat.toFixed(6);
    lon.value = at.lng.toFixed(6);
    if (marker) {
      marker.setLatLng(at);
    } else {
      marker = window.L.marker(at, { keyboard: false }).addTo(map);
    }
    notice.textContent = box.dataset.pinned + ' ' + lat.value + ', ' + lon.value;
    notice.hidden = false;
  };
  if (number(lat.value) !== null && number(lon.value) !== null) {
    marker = window.L.marker(start, { keyboard: false }).addTo(map);
  }
  map.on('click', function (event) {
    pin(event.latlng);
  });
})();
