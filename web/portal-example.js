// The example portal's own script: mounts the atlas and shows what the host API offers.
'use strict';
window.addEventListener('DOMContentLoaded', function () {
  var params = new URLSearchParams(window.location.search);
  window.atlasReady = AtlasInovasi.mount(document.getElementById('atlas'), {
    bundleUrl: params.get('bundle') || undefined,
    language: params.get('lang') || undefined,
  }).then(function (atlas) {
    window.atlas = atlas;
    var out = document.getElementById('selected-innovation');
    atlas.onSelectionChange(function (id) { out.textContent = id || '—'; });
    return atlas;
  });
});
