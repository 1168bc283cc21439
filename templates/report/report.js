(function () {
  'use strict';
  var VISIBLE = 10, SAVINGS_TEXT = 5, SAVINGS_VALUE = 10, CATEGORY = 11, SERVICE = 0;
  var data = document.getElementById('findings-data');
  var table = document.getElementById('findings-table');
  if (!data || !table) { return; }
  var rows;
  try { rows = JSON.parse(data.textContent); } catch (e) { return; }
  var byId = function (id) { return document.getElementById(id); };
  var tbody = table.tBodies[0], headers = table.tHead.rows[0].cells;
  var filter = byId('findings-filter'), service = byId('findings-service'), category = byId('findings-category');
  var pageSize = byId('findings-page-size'), prev = byId('findings-prev'), next = byId('findings-next'), status = byId('findings-status');
  var state = { col: -1, dir: -1, page: 0 };
  var sorted = rows.slice(), view = sorted, text = null;

  function haystack(r) {
    if (!r.h) { r.h = r.slice(0, VISIBLE).join('\u0001').toLowerCase() + '\u0001' + String(r[12]).toLowerCase(); }
    return r.h;
  }

  function options(select, index) {
    var seen = {}, values = [];
    rows.forEach(function (r) { var v = r[index]; if (!Object.prototype.hasOwnProperty.call(seen, v)) { seen[v] = true; values.push(v); } });
    values.sort().forEach(function (v) { var o = document.createElement('option'); o.value = v; o.textContent = v; select.appendChild(o); });
  }

  function compare(col, dir) {
    if (col === SAVINGS_TEXT) {
      return function (a, b) {
        var x = a[SAVINGS_VALUE], y = b[SAVINGS_VALUE];
        if (x === null || y === null) { return x === y ? 0 : (x === null ? 1 : -1); }
        return (x - y) * dir;
      };
    }
    return function (a, b) { var x = a[col], y = b[col]; return (x < y ? -1 : x > y ? 1 : 0) * dir; };
  }

  function applyFilter() {
    var q = filter.value.trim().toLowerCase(), s = service.value, c = category.value;
    view = sorted.filter(function (r) {
      return (!s || r[SERVICE] === s) && (!c || r[CATEGORY] === c) && (!q || haystack(r).indexOf(q) !== -1);
    });
    state.page = 0;
    render();
  }

  function render() {
    var size = parseInt(pageSize.value, 10) || 50;
    var pages = Math.max(1, Math.ceil(view.length / size));
    if (state.page >= pages) { state.page = pages - 1; }
    var start = state.page * size, end = Math.min(view.length, start + size);
    var fragment = document.createDocumentFragment();
    for (var i = start; i < end; i++) {
      var tr = document.createElement('tr');
      for (var c = 0; c < VISIBLE; c++) {
        var td = document.createElement('td');
        td.textContent = view[i][c];
        if (c === SAVINGS_TEXT) { td.className = 'num'; }
        tr.appendChild(td);
      }
      fragment.appendChild(tr);
    }
    tbody.replaceChildren(fragment);
    status.textContent = rows.length === 0 ? 'No findings.' : view.length === 0 ? 'No findings match.'
      : 'Showing ' + (start + 1) + '–' + end + ' of ' + view.length + (view.length !== rows.length ? ' (filtered from ' + rows.length + ')' : '');
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
  }

  function sortBy(col) {
    state.dir = state.col === col ? -state.dir : (col === SAVINGS_TEXT ? -1 : 1);
    state.col = col;
    sorted = rows.slice().sort(compare(col, state.dir));
    for (var i = 0; i < headers.length; i++) {
      if (i === col) { headers[i].setAttribute('aria-sort', state.dir > 0 ? 'ascending' : 'descending'); } else { headers[i].removeAttribute('aria-sort'); }
    }
    applyFilter();
  }

  Array.prototype.forEach.call(headers, function (th, i) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(b);
    b.addEventListener('click', function () { sortBy(i); });
  });
  options(service, SERVICE);
  options(category, CATEGORY);
  filter.addEventListener('input', applyFilter);
  service.addEventListener('change', applyFilter);
  category.addEventListener('change', applyFilter);
  pageSize.addEventListener('change', function () { state.page = 0; render(); });
  prev.addEventListener('click', function () { state.page--; render(); });
  next.addEventListener('click', function () { state.page++; render(); });
  var note = byId('findings-static-note');
  if (note) { note.hidden = true; }
  byId('findings-controls').hidden = false;
  render();
})();
