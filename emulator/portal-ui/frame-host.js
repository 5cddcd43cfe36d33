// Parent side of the b24jssdk frame protocol, as the portal's /bitrix/js/rest/applayout.js does it
// (shared/bitrix24/b24jssdk.md §4.2–4.6). Plain browser JS, no build step.
// Frames come from <script type="application/json" id="portal-frames">; each is loaded by a hidden
// form POST into an iframe named "DOMAIN|0|APP_SID", exactly like the portal.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('portal-frames').textContent);
  var frames = config.frames;
  var bySid = {};
  var log = (window.__portalLog = []);
  window.__portalFrames = frames;

  // Non-DEFAULT placements may not retitle, scroll or reload the page; sliders may not resize.
  var DENY_NON_DEFAULT = ['setTitle', 'setScroll', 'reloadWindow'];

  function denied(f, method) {
    if (method.indexOf('im') === 0 && /^im[A-Z]/.test(method)) return true; // im* are fire-and-forget: never answered (#331)
    if (f.placement !== 'DEFAULT' && DENY_NON_DEFAULT.indexOf(method) >= 0) return true;
    if (f.mode === 'slider' && method === 'resizeWindow') return true;
    return false;
  }

  function post(url, body) {
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body || {}) }).then(
      function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      },
    );
  }

  // Each frame gets its own user token (as each portal render does), fetched when it first loads.
  function load(f) {
    if (f.auth) return submit(f);
    return post('/portal-ui/api/frame-auth', { userId: config.userId }).then(function (a) {
      f.auth = a;
      submit(f);
    });
  }

  function submit(f) {
    var container = document.getElementById(f.container);
    if (!f.iframe) {
      f.appSid = f.appSid || Math.random().toString(16).slice(2) + Math.random().toString(16).slice(2);
      bySid[f.appSid] = f;
      var name = config.domain + '|0|' + f.appSid;
      var iframe = document.createElement('iframe');
      iframe.name = name;
      iframe.id = 'appframe_' + f.appSid;
      iframe.className = 'portal-frame';
      iframe.setAttribute('data-placement', f.placement);
      container.appendChild(iframe);
      f.iframe = iframe;
    }
    var url = new URL(f.handler);
    url.searchParams.set('DOMAIN', config.domain);
    url.searchParams.set('PROTOCOL', '0');
    url.searchParams.set('LANG', f.lang);
    url.searchParams.set('APP_SID', f.appSid);
    var form = document.createElement('form');
    form.method = 'POST';
    form.action = url.toString();
    form.target = f.iframe.name;
    form.style.display = 'none';
    var fields = {
      AUTH_ID: f.auth.AUTH_ID,
      AUTH_EXPIRES: String(f.auth.AUTH_EXPIRES),
      REFRESH_ID: f.auth.REFRESH_ID,
      SERVER_ENDPOINT: config.serverEndpoint,
      APPLICATION_TOKEN: f.applicationToken,
      APPLICATION_SCOPE: f.scope,
      member_id: config.memberId,
      status: f.status,
      PLACEMENT: f.placement,
      PLACEMENT_OPTIONS: JSON.stringify(f.placementOptions),
    };
    Object.keys(fields).forEach(function (k) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = k;
      input.value = fields[k];
      form.appendChild(input);
    });
    document.body.appendChild(form);
    f.authIssuedAt = Date.now();
    form.submit();
    form.remove();
  }

  function secondsLeft(f) {
    return Math.max(0, Math.round(Number(f.auth.AUTH_EXPIRES) - (Date.now() - f.authIssuedAt) / 1000));
  }

  var commands = {
    getInitData: function (f, _p, reply) {
      reply({
        LANG: f.lang,
        DOMAIN: location.host,
        PROTOCOL: 0,
        PATH: '/rest/',
        AUTH_ID: f.auth.AUTH_ID,
        // A string at first, a number after a refresh — as the portal does (b24jssdk.md §4.4).
        AUTH_EXPIRES: f.refreshed ? secondsLeft(f) : String(secondsLeft(f)),
        REFRESH_ID: f.auth.REFRESH_ID,
        MEMBER_ID: config.memberId,
        FIRST_RUN: f.firstRun,
        IS_ADMIN: f.isAdmin,
        INSTALL: f.install,
        USER_OPTIONS: f.userOptions,
        APP_OPTIONS: f.appOptions,
        PLACEMENT: f.placement,
        PLACEMENT_OPTIONS: f.placementOptions,
      });
      f.firstRun = false;
    },
    setInstall: function (f, p, reply) {
      f.userOptions = Object.assign({}, f.userOptions, { install: p && p.install });
      reply(p);
    },
    setInstallFinish: function () {
      // The portal marks the app installed and reloads the page; it never calls back.
      post('/portal-ui/api/install-finish').then(function () {
        var u = new URL(location.href);
        u.searchParams.set('install_finished', 'Y');
        location.href = u.toString();
      });
    },
    refreshAuth: function (f, _p, reply) {
      post('/portal-ui/api/refresh-auth', { refreshToken: f.auth.REFRESH_ID }).then(function (a) {
        f.auth = { AUTH_ID: a.AUTH_ID, REFRESH_ID: a.REFRESH_ID, AUTH_EXPIRES: a.AUTH_EXPIRES };
        f.authIssuedAt = Date.now();
        f.refreshed = true;
        reply({ AUTH_ID: a.AUTH_ID, AUTH_EXPIRES: a.AUTH_EXPIRES, REFRESH_ID: a.REFRESH_ID });
      });
    },
    resizeWindow: function (f, p, reply) {
      var h = Number(p && p.height);
      if (h > 0) f.iframe.style.height = Math.min(Math.round(h), 20000) + 'px';
      var w = p && p.width;
      if (typeof w === 'number' && w > 0) f.iframe.style.width = Math.round(w) + 'px';
      else f.iframe.style.width = '100%';
      reply({ width: f.iframe.offsetWidth, height: f.iframe.offsetHeight });
    },
    setTitle: function (_f, p, reply) {
      document.title = String((p && p.title) || '');
      reply(p);
    },
    setScroll: function (_f, p, reply) {
      window.scrollTo(0, Number(p && p.scroll) || 0);
      reply(p);
    },
    reloadWindow: function (f) {
      load(f);
    },
    setUserOption: function (f, p, reply) {
      f.userOptions = Object.assign({}, f.userOptions);
      f.userOptions[p.name] = p.value;
      reply(p);
    },
    setAppOption: function (f, p, reply) {
      if (!f.isAdmin) return; // non-admins get silence (b24jssdk.md §4.4)
      f.appOptions = Object.assign({}, f.appOptions);
      f.appOptions[p.name] = p.value;
      reply(p);
    },
    getInterface: function (_f, _p, reply) {
      reply({ command: ['reloadData'], event: [] });
    },
    placementBindEvent: function (f, p) {
      (f.events = f.events || []).push(p && p.event); // answered only when the event fires
    },
    reloadData: function (_f, _p, reply) {
      reply({});
    },
    closeApplication: function (f, _p, reply) {
      if (f.mode !== 'slider') return; // an in-page tab: nothing to close, no reply
      document.getElementById(f.container).closest('.portal-slider').hidden = true;
      reply();
    },
    // BX24.openPath (rest/js_library/additional/openPath; b24jssdk.md §4.4): a portal path opens in
    // the portal's own slider, in the portal's language; the reply comes when the slider closes.
    // The allowlist is checked on the path as sent (the SDK prefixes "/crm/type/0/details/0/../..").
    openPath: function (_f, p, reply) {
      var path = p && typeof p.path === 'string' ? p.path : '';
      if (!OPEN_PATH_ALLOWED.test(path)) return reply({ result: 'error', errorCode: 'PATH_NOT_AVAILABLE' });
      openPathSlider(path, function () {
        reply({ result: 'close' });
      });
    },
  };

  var OPEN_PATH_ALLOWED =
    /^\/(crm\/(deal|lead|contact|company|type)|marketplace|company\/personal\/user\/[0-9]+|workgroups\/group\/[0-9]+)\//;

  function openPathSlider(path, onClose) {
    var url = new URL(path, location.origin);
    // The slider is the portal's own page: same user and language as the page around it.
    new URLSearchParams(config.keep || '').forEach(function (v, k) {
      url.searchParams.set(k, v);
    });
    var slider = document.createElement('div');
    slider.className = 'portal-slider';
    slider.setAttribute('data-open-path', url.pathname);
    var panel = document.createElement('div');
    panel.className = 'portal-slider__panel';
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'portal-link';
    close.setAttribute('data-close-path', '');
    close.textContent = config.closeLabel || 'Close';
    var iframe = document.createElement('iframe');
    iframe.className = 'portal-frame portal-path-frame';
    iframe.src = url.pathname + url.search;
    panel.appendChild(close);
    panel.appendChild(iframe);
    slider.appendChild(panel);
    document.body.appendChild(slider);
    close.addEventListener('click', function () {
      slider.remove();
      onClose();
    });
  }

  function parse(data) {
    if (typeof data === 'string') {
      // command:args:callback:appSid — args may contain ':' so split from both ends.
      var r = data.split(':');
      if (r.length < 3) return null;
      return { method: r[0], args: r.slice(1, -2).join(':'), callback: r[r.length - 2], appSid: r[r.length - 1] };
    }
    if (data && typeof data === 'object' && typeof data.method === 'string') {
      return { method: data.method, params: data.params, callback: data.callback, appSid: data.appSid, object: true };
    }
    return null;
  }

  window.addEventListener('message', function (e) {
    var m = parse(e.data);
    if (!m) return;
    var f = bySid[m.appSid];
    if (!f || e.origin !== f.appOrigin || e.source !== f.iframe.contentWindow) return;
    var params = m.params;
    if (!m.object && m.args) {
      try {
        params = JSON.parse(m.args);
      } catch (err) {
        return;
      }
    }
    var entry = { method: m.method, placement: f.placement, answered: false, at: Date.now() };
    log.push(entry);
    if (denied(f, m.method)) return;
    var handler = commands[m.method];
    if (!handler) return;
    handler(f, params, function (res) {
      entry.answered = true;
      f.iframe.contentWindow.postMessage(m.callback + ':' + (res === undefined ? '' : JSON.stringify(res)), f.appOrigin);
    });
  });

  // Tabs: the first click loads the frame; later clicks only switch.
  document.querySelectorAll('[data-tab]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var id = btn.getAttribute('data-tab');
      document.querySelectorAll('[data-tab]').forEach(function (b) {
        b.classList.toggle('is-active', b === btn);
      });
      document.querySelectorAll('[data-panel]').forEach(function (p) {
        p.hidden = p.getAttribute('data-panel') !== id;
      });
      var f = frames.filter(function (x) {
        return x.id === id;
      })[0];
      if (f && !f.iframe) load(f);
    });
  });
  // Slider placements (list menu): open an overlay and load the frame fresh each time.
  document.querySelectorAll('[data-open-frame]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var f = frames.filter(function (x) {
        return x.id === btn.getAttribute('data-open-frame');
      })[0];
      if (!f) return;
      document.getElementById(f.container).closest('.portal-slider').hidden = false;
      load(f);
    });
  });
  document.querySelectorAll('[data-close-slider]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      btn.closest('.portal-slider').hidden = true;
    });
  });
  // The app's own page and ?tab= open at once.
  frames.forEach(function (f) {
    if (f.autoload) {
      var btn = document.querySelector('[data-tab="' + f.id + '"]');
      if (btn) btn.click();
      else load(f);
    }
  });
})();
