/*! Chattia widget for EdgeMesh. Plain JavaScript, no dependencies, no globals but ChattiaEmbed.
 * Works under a strict Content-Security-Policy: no eval, no inline scripts, no innerHTML, and styles
 * only inside the shadow root (a constructed stylesheet; a <style> in the shadow root as fallback). */
(function (w, d) {
  'use strict';
  if (w.ChattiaEmbed && w.ChattiaEmbed.version) return; // loaded twice: keep the first

  // The ingress replaces the placeholder below with the stylesheet when it serves this file.
  var CSS = /*@chattia-css*/"";
  var VERSION = '1';
  var SCRIPT = d.currentScript;
  var TIMEOUT_MS = 30000;
  var MAX_CHARS = 4000;

  var STRINGS = {
    en: {
      open: 'Open chat', close: 'Close chat', input: 'Your message', placeholder: 'Ask a question\u2026',
      send: 'Send', log: 'Conversation', typing: 'The assistant is typing\u2026', retry: 'Try again',
      greeting: 'Hi! Ask me anything about this site.', page: 'page', sources: 'Sources', you: 'You', bot: 'Assistant',
      notReady: 'This assistant is getting ready. Please try again in a little while.',
      rateLimited: 'You are sending messages too quickly. Please wait {s} seconds.',
      blocked: 'This message cannot be answered. Please rephrase your question.',
      origin: 'This chat is not available on this website.',
      suspended: 'This chat is currently unavailable.',
      config: 'This chat is not set up correctly.',
      invalid: 'This message could not be sent. Please shorten or rephrase it.',
      network: 'The assistant could not be reached. Check your connection and try again.'
    },
    es: {
      open: 'Abrir chat', close: 'Cerrar chat', input: 'Tu mensaje', placeholder: 'Haz una pregunta\u2026',
      send: 'Enviar', log: 'Conversaci\u00f3n', typing: 'El asistente est\u00e1 escribiendo\u2026', retry: 'Reintentar',
      greeting: '\u00a1Hola! Preg\u00fantame lo que quieras sobre este sitio.', page: 'p\u00e1gina', sources: 'Fuentes',
      you: 'T\u00fa', bot: 'Asistente',
      notReady: 'Este asistente se est\u00e1 preparando. Int\u00e9ntalo de nuevo en un rato.',
      rateLimited: 'Est\u00e1s enviando mensajes demasiado r\u00e1pido. Espera {s} segundos.',
      blocked: 'No se puede responder a este mensaje. Reformula tu pregunta.',
      origin: 'Este chat no est\u00e1 disponible en este sitio web.',
      suspended: 'Este chat no est\u00e1 disponible en este momento.',
      config: 'Este chat no est\u00e1 bien configurado.',
      invalid: 'No se pudo enviar el mensaje. Acorta o reformula el texto.',
      network: 'No se pudo contactar con el asistente. Revisa tu conexi\u00f3n e int\u00e9ntalo de nuevo.'
    },
    de: {
      open: 'Chat \u00f6ffnen', close: 'Chat schlie\u00dfen', input: 'Ihre Nachricht', placeholder: 'Stellen Sie eine Frage\u2026',
      send: 'Senden', log: 'Unterhaltung', typing: 'Der Assistent schreibt\u2026', retry: 'Erneut versuchen',
      greeting: 'Hallo! Fragen Sie mich alles zu dieser Website.', page: 'Seite', sources: 'Quellen',
      you: 'Sie', bot: 'Assistent',
      notReady: 'Dieser Assistent wird gerade vorbereitet. Bitte versuchen Sie es gleich noch einmal.',
      rateLimited: 'Sie senden Nachrichten zu schnell. Bitte warten Sie {s} Sekunden.',
      blocked: 'Diese Nachricht kann nicht beantwortet werden. Bitte formulieren Sie Ihre Frage um.',
      origin: 'Dieser Chat ist auf dieser Website nicht verf\u00fcgbar.',
      suspended: 'Dieser Chat ist derzeit nicht verf\u00fcgbar.',
      config: 'Dieser Chat ist nicht richtig eingerichtet.',
      invalid: 'Die Nachricht konnte nicht gesendet werden. Bitte k\u00fcrzen oder umformulieren.',
      network: 'Der Assistent ist nicht erreichbar. Pr\u00fcfen Sie Ihre Verbindung und versuchen Sie es erneut.'
    },
    fr: {
      open: 'Ouvrir le chat', close: 'Fermer le chat', input: 'Votre message', placeholder: 'Posez une question\u2026',
      send: 'Envoyer', log: 'Conversation', typing: 'L\u2019assistant \u00e9crit\u2026', retry: 'R\u00e9essayer',
      greeting: 'Bonjour\u00a0! Posez-moi vos questions sur ce site.', page: 'page', sources: 'Sources',
      you: 'Vous', bot: 'Assistant',
      notReady: 'Cet assistant est en cours de pr\u00e9paration. R\u00e9essayez dans quelques instants.',
      rateLimited: 'Vous envoyez des messages trop vite. Patientez {s} secondes.',
      blocked: 'Ce message ne peut pas recevoir de r\u00e9ponse. Reformulez votre question.',
      origin: 'Ce chat n\u2019est pas disponible sur ce site.',
      suspended: 'Ce chat est momentan\u00e9ment indisponible.',
      config: 'Ce chat n\u2019est pas correctement configur\u00e9.',
      invalid: 'Le message n\u2019a pas pu \u00eatre envoy\u00e9. Raccourcissez-le ou reformulez-le.',
      network: 'Impossible de joindre l\u2019assistant. V\u00e9rifiez votre connexion et r\u00e9essayez.'
    },
    pt: {
      open: 'Abrir chat', close: 'Fechar chat', input: 'Sua mensagem', placeholder: 'Fa\u00e7a uma pergunta\u2026',
      send: 'Enviar', log: 'Conversa', typing: 'O assistente est\u00e1 digitando\u2026', retry: 'Tentar de novo',
      greeting: 'Ol\u00e1! Pergunte o que quiser sobre este site.', page: 'p\u00e1gina', sources: 'Fontes',
      you: 'Voc\u00ea', bot: 'Assistente',
      notReady: 'Este assistente est\u00e1 sendo preparado. Tente novamente daqui a pouco.',
      rateLimited: 'Voc\u00ea est\u00e1 enviando mensagens r\u00e1pido demais. Aguarde {s} segundos.',
      blocked: 'Esta mensagem n\u00e3o pode ser respondida. Reformule sua pergunta.',
      origin: 'Este chat n\u00e3o est\u00e1 dispon\u00edvel neste site.',
      suspended: 'Este chat est\u00e1 indispon\u00edvel no momento.',
      config: 'Este chat n\u00e3o est\u00e1 configurado corretamente.',
      invalid: 'N\u00e3o foi poss\u00edvel enviar a mensagem. Encurte ou reformule o texto.',
      network: 'N\u00e3o foi poss\u00edvel falar com o assistente. Verifique sua conex\u00e3o e tente novamente.'
    },
    ar: {
      open: '\u0627\u0641\u062a\u062d \u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0629', close: '\u0623\u063a\u0644\u0642 \u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0629',
      input: '\u0631\u0633\u0627\u0644\u062a\u0643', placeholder: '\u0627\u0637\u0631\u062d \u0633\u0624\u0627\u0644\u064b\u0627\u2026',
      send: '\u0625\u0631\u0633\u0627\u0644', log: '\u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0629',
      typing: '\u0627\u0644\u0645\u0633\u0627\u0639\u062f \u064a\u0643\u062a\u0628\u2026', retry: '\u0623\u0639\u062f \u0627\u0644\u0645\u062d\u0627\u0648\u0644\u0629',
      greeting: '\u0645\u0631\u062d\u0628\u064b\u0627! \u0627\u0633\u0623\u0644\u0646\u064a \u0639\u0646 \u0623\u064a \u0634\u064a\u0621 \u0641\u064a \u0647\u0630\u0627 \u0627\u0644\u0645\u0648\u0642\u0639.',
      page: '\u0635\u0641\u062d\u0629', sources: '\u0627\u0644\u0645\u0635\u0627\u062f\u0631', you: '\u0623\u0646\u062a', bot: '\u0627\u0644\u0645\u0633\u0627\u0639\u062f',
      notReady: '\u064a\u062c\u0631\u064a \u062a\u062c\u0647\u064a\u0632 \u0647\u0630\u0627 \u0627\u0644\u0645\u0633\u0627\u0639\u062f. \u064a\u0631\u062c\u0649 \u0627\u0644\u0645\u062d\u0627\u0648\u0644\u0629 \u0628\u0639\u062f \u0642\u0644\u064a\u0644.',
      rateLimited: '\u0623\u0646\u062a \u062a\u0631\u0633\u0644 \u0627\u0644\u0631\u0633\u0627\u0626\u0644 \u0628\u0633\u0631\u0639\u0629 \u0643\u0628\u064a\u0631\u0629. \u064a\u0631\u062c\u0649 \u0627\u0644\u0627\u0646\u062a\u0638\u0627\u0631 {s} \u062b\u0627\u0646\u064a\u0629.',
      blocked: '\u0644\u0627 \u064a\u0645\u0643\u0646 \u0627\u0644\u0631\u062f \u0639\u0644\u0649 \u0647\u0630\u0647 \u0627\u0644\u0631\u0633\u0627\u0644\u0629. \u064a\u0631\u062c\u0649 \u0625\u0639\u0627\u062f\u0629 \u0635\u064a\u0627\u063a\u0629 \u0633\u0624\u0627\u0644\u0643.',
      origin: '\u0647\u0630\u0647 \u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0629 \u063a\u064a\u0631 \u0645\u062a\u0627\u062d\u0629 \u0639\u0644\u0649 \u0647\u0630\u0627 \u0627\u0644\u0645\u0648\u0642\u0639.',
      suspended: '\u0647\u0630\u0647 \u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0629 \u063a\u064a\u0631 \u0645\u062a\u0627\u062d\u0629 \u062d\u0627\u0644\u064a\u064b\u0627.',
      config: '\u0647\u0630\u0647 \u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0629 \u063a\u064a\u0631 \u0645\u0647\u064a\u0623\u0629 \u0628\u0634\u0643\u0644 \u0635\u062d\u064a\u062d.',
      invalid: '\u062a\u0639\u0630\u0631 \u0625\u0631\u0633\u0627\u0644 \u0627\u0644\u0631\u0633\u0627\u0644\u0629. \u064a\u0631\u062c\u0649 \u062a\u0642\u0635\u064a\u0631\u0647\u0627 \u0623\u0648 \u0625\u0639\u0627\u062f\u0629 \u0635\u064a\u0627\u063a\u062a\u0647\u0627.',
      network: '\u062a\u0639\u0630\u0631 \u0627\u0644\u0648\u0635\u0648\u0644 \u0625\u0644\u0649 \u0627\u0644\u0645\u0633\u0627\u0639\u062f. \u062a\u062d\u0642\u0642 \u0645\u0646 \u0627\u062a\u0635\u0627\u0644\u0643 \u0648\u062d\u0627\u0648\u0644 \u0645\u0631\u0629 \u0623\u062e\u0631\u0649.'
    }
  };
  var RTL = { ar: 1, he: 1, fa: 1, ur: 1 };
  var LOCALE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

  var listeners = {};
  var widgets = [];
  var sheet = null;

  function emit(name, detail) {
    (listeners[name] || []).slice().forEach(function (fn) {
      try { fn(detail); } catch (e) { if (w.console) w.console.error('ChattiaEmbed: a "' + name + '" handler failed', e); }
    });
  }

  // Builds DOM without innerHTML (Trusted Types and XSS safe): h('button', {type: 'button'}, ['text'])
  function h(tag, attrs, kids) {
    var el = d.createElement(tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) {
      if (k === 'text') el.textContent = attrs[k]; else el.setAttribute(k, attrs[k]);
    }
    (kids || []).forEach(function (c) { el.appendChild(typeof c === 'string' ? d.createTextNode(c) : c); });
    return el;
  }

  function icon() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = d.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var p = d.createElementNS(ns, 'path');
    p.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z');
    svg.appendChild(p);
    return svg;
  }

  function styleRoot(root) {
    try {
      if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
      root.adoptedStyleSheets = [sheet];
    } catch (e) {
      // Older engines: a <style> inside the shadow root (needs style-src to allow it under a CSP).
      root.appendChild(h('style', { text: CSS }));
    }
  }

  function pickLocale(wanted) {
    var tags = [wanted].concat(w.navigator.languages || [w.navigator.language || 'en']);
    for (var i = 0; i < tags.length; i++) {
      var t = String(tags[i] || '');
      var base = t.split('-')[0].toLowerCase();
      if (STRINGS[base] && LOCALE_TAG.test(t)) return { tag: t, lang: base };
    }
    return { tag: 'en', lang: 'en' };
  }

  // Readable text on the accent: black or white by the accent's relative luminance (WCAG).
  function inkFor(color, root) {
    var probe = h('span');
    probe.style.color = color;
    root.appendChild(probe);
    var m = (w.getComputedStyle(probe).color || '').match(/\d+(\.\d+)?/g);
    root.removeChild(probe);
    if (!m || m.length < 3) return '#fff';
    var lum = [0, 1, 2].map(function (i) {
      var c = m[i] / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var l = 0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2];
    return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000' : '#fff';
  }

  function store() {
    try { return w.sessionStorage; } catch (e) { return null; } // blocked storage: sessions last one page
  }

  function Widget(host, o) {
    var self = this;
    var loc = pickLocale(o.locale);
    var s = STRINGS[loc.lang];
    var storageKey = 'chattia:' + o.endpoint + '|' + o.key;
    var busy = false;
    var lastText = null;

    var root = host.attachShadow({ mode: 'open' });
    styleRoot(root);

    var launcher = h('button', { type: 'button', 'class': 'launcher', 'aria-expanded': 'false', 'aria-controls': 'chattia-panel',
      'aria-label': s.open + ': ' + o.title, title: o.title }, [icon()]);
    var close = h('button', { type: 'button', 'class': 'close', 'aria-label': s.close, title: s.close, text: '\u00d7' });
    var log = h('div', { 'class': 'log', role: 'log', 'aria-live': 'polite', 'aria-label': s.log, tabindex: '0' });
    var typing = h('div', { 'class': 'typing', hidden: '' }, [h('span'), h('span'), h('span'), h('span', { 'class': 'sr-only', text: s.typing })]);
    var input = h('textarea', { id: 'chattia-input', rows: '1', maxlength: String(MAX_CHARS), placeholder: s.placeholder, autocomplete: 'off' });
    var send = h('button', { type: 'submit', 'class': 'send', text: s.send });
    var form = h('form', { 'class': 'composer' }, [h('label', { 'for': 'chattia-input', 'class': 'sr-only', text: s.input }), input, send]);
    var panel = h('section', { id: 'chattia-panel', 'class': 'panel', role: 'dialog', 'aria-labelledby': 'chattia-title', hidden: '' },
      [h('div', { 'class': 'head' }, [h('h2', { id: 'chattia-title', text: o.title }), close]), log, form]);
    var frame = h('div', { 'class': 'root', lang: loc.tag, dir: RTL[loc.lang] ? 'rtl' : 'ltr',
      'data-theme': /^(light|dark|auto)$/.test(o.theme) ? o.theme : 'light',
      'data-position': o.position === 'bottom-left' ? 'bottom-left' : 'bottom-right' }, [launcher, panel]);
    root.appendChild(frame);
    if (o.accent && w.CSS && w.CSS.supports && w.CSS.supports('color', o.accent)) {
      // CSSOM custom properties are not inline style markup: a strict style-src does not block them.
      frame.style.setProperty('--accent', o.accent);
      frame.style.setProperty('--accent-ink', inkFor(o.accent, root));
    }
    add('bot', s.greeting);

    function session() {
      try { return JSON.parse((store() && store().getItem(storageKey)) || 'null') || {}; } catch (e) { return {}; }
    }
    function keep(v) {
      try { if (store()) { if (v) store().setItem(storageKey, JSON.stringify(v)); else store().removeItem(storageKey); } } catch (e) { /* full */ }
    }

    function add(kind, text, citations) {
      var who = h('span', { 'class': 'sr-only', text: (kind === 'user' ? s.you : s.bot) + ': ' });
      var el = h('div', { 'class': 'msg ' + kind }, [who, text]);
      if (citations && citations.length) {
        var list = h('ol', { 'class': 'cites', 'aria-label': s.sources });
        citations.forEach(function (c) {
          var item = h('li', {}, [String(c.filename || c.documentId || '') + (c.page ? ' \u00b7 ' + s.page + ' ' + c.page : '')]);
          if (c.snippet) item.appendChild(h('q', { text: String(c.snippet) }));
          list.appendChild(item);
        });
        el.appendChild(list);
      }
      log.insertBefore(el, typing.parentNode === log ? typing : null);
      log.scrollTop = log.scrollHeight;
      return el;
    }

    function fail(code, message, wait, text) {
      var msg = {
        tenant_not_ready: s.notReady, rate_limited: s.rateLimited.replace('{s}', wait || 1), prompt_blocked: s.blocked,
        origin_not_allowed: s.origin, tenant_suspended: s.suspended, unauthorized: s.config, invalid_request: s.invalid,
        payload_too_large: s.invalid
      }[code] || s.network;
      var el = add('err', msg);
      el.setAttribute('data-code', code);
      var retryable = code === 'network' || code === 'tenant_not_ready' || code === 'rate_limited' || code === 'upstream_unavailable'
        || code === 'internal_error';
      if (retryable && text) {
        var again = h('button', { type: 'button', 'class': 'retry', text: s.retry });
        if (wait) { again.disabled = true; setTimeout(function () { again.disabled = false; }, wait * 1000); }
        again.addEventListener('click', function () { el.parentNode && el.parentNode.removeChild(el); post(text, true); });
        el.appendChild(again);
      }
      if (code === 'prompt_blocked' && text && !input.value) input.value = text; // let the visitor rephrase
      if (code === 'origin_not_allowed' || code === 'tenant_suspended') { input.disabled = true; send.disabled = true; }
      emit('error', { code: code, message: message || msg, retryAfterSeconds: wait || undefined, element: host });
    }

    function post(text, isRetry, secondTry) {
      if (busy) return;
      busy = true;
      if (!isRetry && !secondTry) {
        add('user', text);
        emit('message', { role: 'user', text: text, element: host });
      }
      lastText = text;
      log.appendChild(typing);
      typing.hidden = false;
      log.scrollTop = log.scrollHeight;
      var sess = session();
      var headers = { 'content-type': 'application/json', 'x-edgemesh-key': o.key };
      var body = { message: text, locale: loc.tag };
      if (sess.sessionId && sess.sessionToken) {
        body.sessionId = sess.sessionId;
        headers.authorization = 'Bearer ' + sess.sessionToken;
      }
      var ctl = w.AbortController ? new AbortController() : null;
      var timer = setTimeout(function () { if (ctl) ctl.abort(); }, TIMEOUT_MS);
      var status = 0;
      var retryAfter = null;
      w.fetch(o.endpoint + '/v1/chat', {
        method: 'POST', mode: 'cors', credentials: 'omit', headers: headers, body: JSON.stringify(body),
        signal: ctl ? ctl.signal : undefined
      }).then(function (res) {
        status = res.status;
        retryAfter = res.headers.get('retry-after');
        return res.json().catch(function () { return null; });
      }).then(function (data) {
        done();
        if (status === 200 && data && typeof data.answer === 'string') {
          keep({ sessionId: data.sessionId, sessionToken: data.sessionToken });
          add('bot', data.answer, data.citations);
          emit('message', { role: 'assistant', text: data.answer, citations: data.citations || [], sessionId: data.sessionId, element: host });
          return;
        }
        var err = (data && data.error) || {};
        if (status === 401 && sess.sessionId && !secondTry) {
          keep(null); // expired or foreign session: start a fresh one, once
          return post(text, true, true);
        }
        if (err.sessionId && err.sessionToken) keep({ sessionId: err.sessionId, sessionToken: err.sessionToken });
        var wait = parseInt(retryAfter || err.retryAfterSeconds, 10);
        fail(err.code || (status >= 500 ? 'upstream_unavailable' : 'network'), err.message, wait > 0 ? wait : 0, text);
      }, function () {
        done();
        fail('network', null, 0, text);
      });
      function done() {
        clearTimeout(timer);
        typing.hidden = true;
        if (typing.parentNode) typing.parentNode.removeChild(typing);
        busy = false;
      }
    }

    this.open = function (focus) {
      if (!panel.hidden) return;
      panel.hidden = false;
      launcher.setAttribute('aria-expanded', 'true');
      launcher.setAttribute('aria-label', s.close + ': ' + o.title);
      if (focus !== false) input.focus();
      emit('open', { element: host });
    };
    this.close = function () {
      if (panel.hidden) return;
      var inside = root.activeElement && panel.contains(root.activeElement);
      panel.hidden = true;
      launcher.setAttribute('aria-expanded', 'false');
      launcher.setAttribute('aria-label', s.open + ': ' + o.title);
      if (inside) launcher.focus(); // focus returns where the visitor opened the chat
      emit('close', { element: host });
    };
    this.send = function (text) {
      var t = String(text == null ? '' : text).trim();
      if (!t || t.length > MAX_CHARS) return false;
      self.open(false);
      post(t);
      return true;
    };
    this.retry = function () { if (lastText) post(lastText, true); };

    launcher.addEventListener('click', function () { if (panel.hidden) self.open(); else self.close(); });
    close.addEventListener('click', function () { self.close(); });
    panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') { e.stopPropagation(); self.close(); } });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (busy) return;
      if (self.send(input.value)) input.value = '';
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit', { cancelable: true })); }
    });
    if (o.open) self.open(false);
  }

  function optionsFrom(el) {
    var a = function (n) { return el.getAttribute('data-' + n); };
    return { element: el, endpoint: a('endpoint'), key: a('key'), title: a('title'), locale: a('locale'), theme: a('theme'),
      accent: a('accent'), position: a('position'), open: a('open') !== null && a('open') !== 'false' };
  }

  function endpointOf(raw) {
    var base = raw || (SCRIPT && SCRIPT.src ? SCRIPT.src.replace(/\/widget\.js(\?.*)?$/, '') : '');
    try {
      var u = new URL(base, w.location.href);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
      return (u.origin + u.pathname).replace(/\/+$/, '');
    } catch (e) { return null; }
  }

  function init(options) {
    var o = options || {};
    var el = o.element || null;
    for (var i = 0; i < widgets.length; i++) if (widgets[i].host === el) return widgets[i].api;
    var key = String(o.key || '');
    if (/^sk_/.test(key)) {
      // A secret key must never be in a web page: refuse to use it, and say why.
      if (w.console) w.console.error('ChattiaEmbed: refusing a secret key (sk_...). Use the publishable key (pk_...).');
      emit('error', { code: 'secret_key_refused', message: 'secret keys must not be used in a web page' });
      return null;
    }
    var endpoint = endpointOf(o.endpoint);
    if (!/^pk_[A-Za-z0-9_-]+$/.test(key) || !endpoint) {
      if (w.console) w.console.error('ChattiaEmbed: data-endpoint (a URL) and data-key (pk_...) are required.');
      emit('error', { code: 'invalid_config', message: 'endpoint and publishable key are required' });
      return null;
    }
    if (!el) { el = d.createElement('div'); d.body.appendChild(el); }
    var wgt = new Widget(el, { endpoint: endpoint, key: key, title: String(o.title || 'Chat'), locale: o.locale,
      theme: o.theme || 'light', accent: o.accent, position: o.position, open: !!o.open });
    var handle = { open: function () { wgt.open(); }, close: function () { wgt.close(); }, send: function (t) { return wgt.send(t); },
      retry: function () { wgt.retry(); }, element: el };
    widgets.push({ host: el, api: handle });
    el.setAttribute('data-chattia-mounted', '');
    emit('ready', { element: el });
    return handle;
  }

  function mountAll() {
    var found = d.querySelectorAll('[data-chattia-embed]:not([data-chattia-mounted])');
    for (var i = 0; i < found.length; i++) init(optionsFrom(found[i]));
  }

  function first() { return widgets.length ? widgets[0].api : null; }

  w.ChattiaEmbed = {
    version: VERSION,
    init: init,
    open: function () { var f = first(); if (f) f.open(); },
    close: function () { var f = first(); if (f) f.close(); },
    send: function (text) { var f = first(); return f ? f.send(text) : false; },
    on: function (name, fn) {
      if (typeof fn !== 'function') return function () {};
      (listeners[name] = listeners[name] || []).push(fn);
      // 'ready' may already have happened before the page subscribed: tell late subscribers too.
      if (name === 'ready') widgets.forEach(function (x) { try { fn({ element: x.host }); } catch (e) { /* theirs */ } });
      return function () { listeners[name] = (listeners[name] || []).filter(function (f) { return f !== fn; }); };
    }
  };

  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', mountAll); else mountAll();
})(window, document);
