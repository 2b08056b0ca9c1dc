// Atlas Inovasi — host API for embedding the atlas in a portal page.
//
//   <script src="/atlas/atlas-embed.js"></script>          (next to atlas-portal.js/.wasm)
//   const atlas = await AtlasInovasi.mount(document.getElementById('atlas'), {
//     bundleUrl: '/data/atlas-2026.json',   // optional: load this instead of the built-in bundle
//     language: 'id',                       // 'id' (default) or 'en'
//     state: 'view=map&province=35',        // optional: a view to open (as in a link)
//     hash: false,                          // true: keep the view in this page's URL hash
//   });
//   atlas.onSelectionChange(id => console.log('selected', id));
//   await atlas.loadUrl('/data/newer.json');  // → {ok, error}
//   atlas.setLanguage('en'); atlas.getState(); atlas.setState('province=33');
//
// Works under a strict Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval' (no
// inline script, no eval). The atlas only takes keyboard input while it has the focus (click
// it; Tab moves on), and only wheel events over it; the rest of the page keeps its own.
// One atlas per page.
(function (global) {
  'use strict';

  var here = document.currentScript && document.currentScript.src ? document.currentScript.src : global.location.href;
  var mounted = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      if (global.createAtlasInovasi) { resolve(); return; }
      var s = document.createElement('script');
      s.src = src;
      s.async = true;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error('Atlas Inovasi: could not load ' + src)); };
      document.head.appendChild(s);
    });
  }

  function text(module, fnName, args) {
    return module.ccall(fnName, 'string', args ? args.map(function () { return 'string'; }) : [], args || []);
  }

  function mount(element, options) {
    options = options || {};
    if (!element || !element.appendChild) return Promise.reject(new Error('Atlas Inovasi: mount needs an element'));
    if (mounted) return Promise.reject(new Error('Atlas Inovasi: one atlas per page is supported'));
    mounted = true;
    var base = options.base || new URL('.', here).href;

    if (global.getComputedStyle(element).position === 'static') element.style.position = 'relative';
    var canvas = document.createElement('canvas');
    canvas.tabIndex = 0;
    canvas.setAttribute('aria-label', 'Atlas Inovasi');
    canvas.style.display = 'block';
    canvas.style.width = '100%';
    canvas.style.height = '100%';
    canvas.style.outline = 'none';
    canvas.style.touchAction = 'none';
    canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
    canvas.addEventListener('pointerdown', function () { canvas.focus({ preventScroll: true }); });
    element.appendChild(canvas);
    var status = document.createElement('div');
    status.setAttribute('role', 'status');
    status.style.position = 'absolute';
    status.style.left = '1em';
    status.style.top = '1em';
    status.textContent = 'Memuat Atlas Inovasi… / Loading Atlas Inovasi…';
    element.appendChild(status);

    var selectionListeners = [], stateListeners = [];
    var readyResolve;
    var ready = new Promise(function (r) { readyResolve = r; });
    var hostHash = !!options.hash;
    var lastHash = null;
    var stderrTail = [];

    var host = {
      onState: function (link, replace) {
        if (hostHash) {
          lastHash = link;
          if (global.location.hash.slice(1) !== link) {
            if (replace) global.history.replaceState(null, '', '#' + link);
            else global.history.pushState(null, '', '#' + link);
          }
        }
        stateListeners.slice().forEach(function (fn) { try { fn(link); } catch (e) { console.error(e); } });
      },
      onSelection: function (id) {
        selectionListeners.slice().forEach(function (fn) { try { fn(id); } catch (e) { console.error(e); } });
      },
      linkFor: function (state) {
        return global.location.href.split('#')[0] + '#' + state;
      },
      ready: function () { readyResolve(); },
    };

    return loadScript(base + 'atlas-portal.js').then(function () {
      return global.createAtlasInovasi({
        canvas: canvas,
        atlasHost: host,
        locateFile: function (path) { return base + path; },
        print: function (t) { console.log(t); },
        printErr: function (t) {
          console.error(t);
          stderrTail.push(String(t));
          if (stderrTail.length > 8) stderrTail.shift();
        },
        onAbort: function (what) {
          status.textContent = 'Atlas Inovasi berhenti karena galat. / Atlas Inovasi stopped because of an error.\n' +
            (what || '') + '\n' + stderrTail.join('\n');
        },
      });
    }).then(function (module) {
      return ready.then(function () { return module; });
    }).then(function (module) {
      status.remove();
      var wake = function () { module._atlas_request_frame(); };
      if (global.ResizeObserver) new ResizeObserver(wake).observe(element);
      else global.addEventListener('resize', wake);

      var api = {
        // Loads a bundle; the previous data stays when it fails. Resolves {ok, error}.
        loadUrl: function (url) {
          return module.atlasLoadUrl(url).then(function (ok) { return { ok: ok, error: ok ? '' : text(module, 'atlas_load_error') }; });
        },
        loadBytes: function (bytes, name) {
          var ok = module.atlasLoadBytes(bytes, name || 'bundle.json');
          return { ok: ok, error: ok ? '' : text(module, 'atlas_load_error') };
        },
        getState: function () { return text(module, 'atlas_get_state'); },
        // Replaces the whole view; returns the notices for what was ignored.
        setState: function (link) {
          var before = module._atlas_notice_count();
          module.ccall('atlas_set_state', 'number', ['string'], [String(link || '').replace(/^#/, '')]);
          var out = [];
          for (var i = before; i < module._atlas_notice_count(); ++i)
            out.push(module.ccall('atlas_notice', 'string', ['number'], [i]));
          return out;
        },
        setLanguage: function (lang) { module.ccall('atlas_set_language', null, ['string'], [lang === 'en' ? 'en' : 'id']); },
        getLanguage: function () { return text(module, 'atlas_language'); },
        getSelection: function () { return text(module, 'atlas_selected_id'); },
        onSelectionChange: function (fn) {
          selectionListeners.push(fn);
          return function () { selectionListeners = selectionListeners.filter(function (f) { return f !== fn; }); };
        },
        onStateChange: function (fn) {
          stateListeners.push(fn);
          return function () { stateListeners = stateListeners.filter(function (f) { return f !== fn; }); };
        },
        bundleInfo: function () {
          return { title: text(module, 'atlas_bundle_title'), innovations: module._atlas_total_innovations(),
                   synthetic: module._atlas_is_synthetic() === 1 };
        },
        module: module,
        canvas: canvas,
      };
      if (hostHash) {
        var first = global.location.hash.slice(1);
        if (first) { lastHash = first; module.ccall('atlas_apply_address_state', null, ['string'], [first]); }
        global.addEventListener('popstate', function () {
          var h = global.location.hash.slice(1);
          if (h === lastHash) return;
          lastHash = h;
          module.ccall('atlas_apply_address_state', null, ['string'], [h]);
        });
      }
      if (options.language) api.setLanguage(options.language);
      if (options.state) api.setState(options.state);
      var loading = options.bundleUrl ? api.loadUrl(options.bundleUrl) : Promise.resolve();
      return loading.then(function () { return api; });
    });
  }

  global.AtlasInovasi = { mount: mount, version: 1 };
})(window);
