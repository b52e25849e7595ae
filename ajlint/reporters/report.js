/* ajlint HTML report: filters, search and the broken-link panel. No network, no libraries.
   The filters read and write the URL fragment (#sev=error,warning&fam=links&q=asendab), so a view can be
   shared or bookmarked; a plain fragment (#d3, #f12) is left to the browser. */
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var status = document.getElementById('status');
  var items = Array.prototype.slice.call(document.querySelectorAll('li.f'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('section.grp'));
  var docs = Array.prototype.slice.call(document.querySelectorAll('section.doc'));
  var search = document.getElementById('q');
  var texts = null;
  var SEV = { e: 'error', w: 'warning', i: 'info' };
  var famEl = document.getElementById('families');
  var FAM = famEl ? JSON.parse(famEl.textContent) : {};
  var fams = items.map(function (li) { return FAM[li.querySelector('.fh b').textContent] || 'other'; });

  function norm(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ');
  }

  function boxes(name) {
    return Array.prototype.slice.call(form.querySelectorAll('input[name="' + name + '"]'));
  }

  function state() {
    var s = { sev: {}, fam: {}, all: true, q: norm(search.value.trim()) };
    boxes('sev').forEach(function (b) { s.sev[b.value] = b.checked; if (!b.checked) { s.all = false; } });
    boxes('fam').forEach(function (b) { s.fam[b.value] = b.checked; if (!b.checked) { s.all = false; } });
    if (s.q) { s.all = false; }
    return s;
  }

  function searchable() {
    return items.map(function (li) {
      var doc = li.closest('section.doc');
      var head = doc ? (doc.getAttribute('data-path') + ' ' + doc.querySelector('h3').textContent) : '';
      return norm(li.textContent + ' ' + head);
    });
  }

  function apply(write) {
    var s = state();
    if (s.q && !texts) { texts = searchable(); }
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var li = items[i];
      var ok = s.sev[SEV[li.classList[1]]] !== false && s.fam[fams[i]] !== false &&
        (!s.q || texts[i].indexOf(s.q) >= 0);
      if (li.hidden === ok) { li.hidden = !ok; }
      if (ok) { shown++; }
    }
    groups.forEach(function (g) {
      var any = g.querySelector('li.f:not([hidden])') !== null;
      if (g.hidden === any) { g.hidden = !any; }
    });
    var docsShown = 0;
    docs.forEach(function (d) {
      var any = d.querySelector('li.f:not([hidden])') !== null;
      var show = any || s.all;
      if (d.hidden === show) { d.hidden = !show; }
      if (any) { docsShown++; }
    });
    status.textContent = s.all ? '' : form.getAttribute('data-tpl').replace('{shown}', shown)
      .replace('{total}', items.length).replace('{docs}', docsShown);
    if (write) { writeHash(s); }
  }

  function writeHash(s) {
    var parts = [];
    var sev = boxes('sev').filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var fam = boxes('fam').filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    if (sev.length !== boxes('sev').length) { parts.push('sev=' + sev.join(',')); }
    if (fam.length !== boxes('fam').length) { parts.push('fam=' + fam.map(encodeURIComponent).join(',')); }
    if (search.value.trim()) { parts.push('q=' + encodeURIComponent(search.value.trim())); }
    var url = location.pathname + location.search + (parts.length ? '#' + parts.join('&') : '');
    try { history.replaceState(null, '', url); } catch (e) { /* file: URLs in some browsers */ }
  }

  function readHash() {
    var h = location.hash.slice(1);
    if (h.indexOf('=') < 0) { return false; }
    h.split('&').forEach(function (kv) {
      var i = kv.indexOf('=');
      var k = kv.slice(0, i), v = decodeURIComponent(kv.slice(i + 1));
      if (k === 'sev' || k === 'fam') {
        var on = v ? v.split(',') : [];
        boxes(k).forEach(function (b) { b.checked = on.indexOf(b.value) >= 0; });
      } else if (k === 'q') {
        search.value = v;
      }
    });
    return true;
  }

  if (form) {
    form.hidden = false;
    var timer = null;
    form.addEventListener('change', function () { apply(true); });
    form.addEventListener('submit', function (e) { e.preventDefault(); apply(true); });
    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { apply(true); }, 150);
    });
    form.addEventListener('reset', function () { setTimeout(function () { apply(true); }, 0); });
    window.addEventListener('hashchange', function () { if (readHash()) { apply(false); } });
    if (readHash()) { apply(false); }
  }

  // the findings behind a broken or unresolved edge of the graph
  var panel = document.getElementById('edge-panel');
  var opener = null;
  function openPanel(a) {
    var list = panel.querySelector('ul');
    list.textContent = '';
    panel.querySelector('h3').textContent = a.getAttribute('aria-label');
    var ids = (a.getAttribute('data-f') || '').split(' ').filter(Boolean);
    ids.forEach(function (id) {
      var f = document.getElementById(id);
      if (!f) { return; }
      var li = document.createElement('li');
      var link = document.createElement('a');
      link.href = '#' + id;
      link.textContent = f.querySelector('.fh b').textContent + ' ' +
        (f.closest('section.doc') ? f.closest('section.doc').getAttribute('data-path') : '') + ':' +
        f.getAttribute('data-l');
      li.appendChild(link);
      li.appendChild(document.createTextNode(' — ' + f.querySelector('.msg').textContent));
      list.appendChild(li);
    });
    if (!ids.length) {
      var none = document.createElement('li');
      none.textContent = panel.getAttribute('data-none');
      list.appendChild(none);
    }
    Array.prototype.forEach.call(document.querySelectorAll('a.be.on'), function (x) { x.classList.remove('on'); });
    a.classList.add('on');
    opener = a;
    panel.hidden = false;
    panel.focus();
  }
  function closePanel() {
    panel.hidden = true;
    if (opener) { opener.classList.remove('on'); opener.focus(); opener = null; }
  }
  if (panel) {
    document.addEventListener('click', function (e) {
      var a = e.target.closest ? e.target.closest('a.be') : null;
      if (a) { e.preventDefault(); openPanel(a); }
    });
    panel.querySelector('button.close').addEventListener('click', closePanel);
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && !panel.hidden) { closePanel(); }
    });
  }

  // a printed report shows every table, also the ones folded away on screen
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
})();
