// The scorecard's slider: one request for the compliance timeline, then every move of the slider is a look-up of
// the stretch that contains the date, for each obligation and each roll-up. The server has already rendered the
// state as of ?asOf=; this only redraws the matrix, the roll-up table and the chart's marker.
(function () {
  'use strict';
  var root = document.getElementById('scorecard');
  if (!root) return;
  var SVG = 'http://www.w3.org/2000/svg';
  var DAY = 86400000;
  var range = document.getElementById('as-of-range');
  var input = document.getElementById('as-of');
  var lookups = JSON.parse(root.dataset.lookups || '{}');
  var start = parseDate(root.dataset.start);
  var end = parseDate(root.dataset.end);
  var timeline = null;
  var chart = null;

  function parseDate(text) { return Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10)); }
  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function actor(id) { return (lookups.actors && lookups.actors[id]) || id; }
  function words(term) { return term.replace(/-/g, ' '); }
  function el(name, attributes, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (k) { node.setAttribute(k, attributes[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function html(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The stretch containing a date: the last whose start (none: since ever) is on or before it.
  function at(segments, date) {
    var found = segments[0];
    for (var i = 1; i < segments.length && segments[i].from <= date; i++) found = segments[i];
    return found;
  }

  function flag(kind, symbol, word, title) {
    var span = html('span', 'flag flag-' + kind);
    span.title = title;
    var mark = html('span', '', symbol);
    mark.setAttribute('aria-hidden', 'true');
    span.appendChild(mark);
    span.appendChild(document.createTextNode(' ' + word));
    return span;
  }

  function stateNode(state) {
    var wrap = html('span', 'state');
    wrap.appendChild(html('span', 'status status-' + state.status, words(state.status)));
    if (state.overdue) wrap.appendChild(flag('overdue', '!', 'overdue', 'Overdue: the deadline has passed'));
    if (state.blocked) wrap.appendChild(flag('blocked', '\u2298', 'blocked', 'Blocked: a condition is not implemented'));
    if (state.disputed) wrap.appendChild(flag('disputed', '\u2260', 'disputed', 'Disputed: assessors or claims disagree'));
    if (state.selfAssessments.length > 0) wrap.appendChild(flag('self', '\u25D0', 'self-assessed', 'A bearer assessed its own obligation'));
    return wrap;
  }

  function viewsNode(cell, state) {
    cell.textContent = '';
    state.views.forEach(function (v) {
      var line = html('div', '', actor(v.assessor) + ': ' + words(v.status) + (v.score === null || v.score === undefined ? '' : ' (' + v.score + ')') + ' ');
      line.appendChild(html('span', 'muted', '(' + v.asOf + ')'));
      if (v.selfAssessment) line.appendChild(html('span', 'flag flag-self', '\u25D0 self'));
      cell.appendChild(line);
    });
    if (state.blocked) {
      cell.appendChild(html('div', 'muted', 'blocked by ' + state.blockedBy.map(function (b) { return (lookups.obligations && lookups.obligations[b]) || b; }).join('; ')));
    }
    if (state.contestingClaims.length > 0) {
      cell.appendChild(html('div', 'muted', 'claims: ' + state.contestingClaims.map(function (c) { return (lookups.claims && lookups.claims[c]) || c; }).join('; ')));
    }
  }

  function tallyText(t) {
    if (t.percentage === null || t.percentage === undefined) return null;
    var pct = t.percentage + (t.highestPercentage !== t.percentage ? '\u2013' + t.highestPercentage : '') + ' %';
    var points = '(' + t.numerator + (t.highestNumerator !== t.numerator ? '\u2013' + t.highestNumerator : '') + ' of ' + t.possible + ' points' +
      (t.split > 0 ? '; assessors split on ' + t.split : '') + ')';
    return [pct, points];
  }

  function showTallies(date) {
    document.querySelectorAll('table.roll-ups tr[data-scope]').forEach(function (row) {
      var series = (timeline.series[row.dataset.scope] || []).filter(function (s) { return s.key === row.dataset.key; })[0];
      if (!series) return;
      var t = at(series.segments, date);
      var cell = row.querySelector('.tally');
      cell.textContent = '';
      var text = tallyText(t);
      if (text) {
        cell.appendChild(html('span', 'pam', text[0]));
        cell.appendChild(document.createTextNode(' '));
        cell.appendChild(html('span', 'muted', text[1]));
      } else {
        cell.appendChild(html('span', 'muted', 'nothing scored'));
      }
      row.querySelector('.scored').textContent = t.denominator + ' of ' + t.obligations;
      row.querySelector('.unscored').textContent = t.unscored;
      row.querySelector('.unassessed').textContent = t.unassessed;
    });
  }

  function showMatrix(date) {
    timeline.obligations.forEach(function (o) {
      var row = root.querySelector('tr[data-obligation="' + o.id + '"]');
      if (!row) return;
      var state = at(o.segments, date).state;
      row.querySelectorAll('td.cell').forEach(function (cell) {
        if (cell.classList.contains('none')) return;
        cell.className = 'cell status-' + state.status;
        cell.textContent = '';
        cell.appendChild(stateNode(state));
      });
      viewsNode(row.querySelector('td.views'), state);
    });
    document.getElementById('matrix-as-of').textContent = 'as of ' + date;
  }

  // The trend: each party's percentage as steps (constant between change dates), and a marker at the as-of date.
  function drawChart() {
    var figure = document.getElementById('trend');
    var width = 900, height = 260, left = 44, right = 16, top = 14, bottom = 28;
    var x = function (ms) { return left + (width - left - right) * (ms - start) / Math.max(end - start, DAY); };
    var y = function (pct) { return top + (height - top - bottom) * (1 - pct / 100); };
    var svg = el('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': 'trend-title' });
    svg.appendChild(el('title', { id: 'trend-title' }, 'PAM percentage per party over time'));
    [0, 25, 50, 75, 100].forEach(function (p) {
      svg.appendChild(el('line', { class: 'grid', x1: left, x2: width - right, y1: y(p), y2: y(p) }));
      svg.appendChild(el('text', { x: left - 6, y: y(p) + 4, 'text-anchor': 'end' }, p + ' %'));
    });
    for (var year = new Date(start).getUTCFullYear() + 1; year <= new Date(end).getUTCFullYear(); year++) {
      var at0 = x(Date.UTC(year, 0, 1));
      svg.appendChild(el('line', { class: 'grid', x1: at0, x2: at0, y1: top, y2: height - bottom }));
      svg.appendChild(el('text', { x: at0, y: height - 8, 'text-anchor': 'middle' }, String(year)));
    }
    svg.appendChild(el('line', { class: 'axis', x1: left, x2: width - right, y1: y(0), y2: y(0) }));
    var key = html('ul', 'key');
    timeline.series.parties.forEach(function (series, index) {
      var low = '', high = '';
      series.segments.forEach(function (s) {
        var from = Math.max(s.from ? parseDate(s.from) : start, start);
        var until = Math.min(s.until ? parseDate(s.until) : end + DAY, end + DAY);
        if (until <= from || s.percentage === null || s.percentage === undefined) return;
        low += 'M' + x(from).toFixed(1) + ',' + y(s.percentage).toFixed(1) + 'H' + x(until).toFixed(1);
        if (s.highestPercentage !== s.percentage) high += 'M' + x(from).toFixed(1) + ',' + y(s.highestPercentage).toFixed(1) + 'H' + x(until).toFixed(1);
      });
      var css = 'party-' + (index % 6);
      if (low) svg.appendChild(el('path', { class: 'series ' + css, d: low, 'data-party': series.key }));
      if (high) svg.appendChild(el('path', { class: 'series-high ' + css, d: high }));
      var item = html('li');
      item.appendChild(html('span', 'line ' + css));
      item.appendChild(document.createTextNode(actor(series.key)));
      key.appendChild(item);
    });
    var marker = el('line', { id: 'trend-marker', class: 'marker', y1: top, y2: height - bottom });
    var label = el('text', { class: 'marker-label', y: top - 3, 'text-anchor': 'middle' });
    svg.appendChild(marker);
    svg.appendChild(label);
    figure.textContent = '';
    figure.appendChild(svg);
    figure.appendChild(key);
    return { marker: marker, label: label, x: x };
  }

  function show(date) {
    input.value = date;
    range.value = String(Math.round((parseDate(date) - start) / DAY));
    root.dataset.asOf = date;
    if (!timeline) return;
    showMatrix(date);
    showTallies(date);
    var mx = chart.x(parseDate(date)).toFixed(1);
    chart.marker.setAttribute('x1', mx);
    chart.marker.setAttribute('x2', mx);
    chart.label.setAttribute('x', mx);
    chart.label.textContent = date;
    var url = new URL(window.location.href);
    url.searchParams.set('asOf', date);
    window.history.replaceState(null, '', url);
  }

  range.addEventListener('input', function () { show(iso(start + Number(range.value) * DAY)); });
  input.addEventListener('change', function () {
    if (/^\d{4}-\d{2}-\d{2}$/.test(input.value) && parseDate(input.value) >= start && parseDate(input.value) <= end) show(input.value);
  });

  fetch('/api/v1/compliance/timeline?document=' + encodeURIComponent(root.dataset.document), { headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) throw new Error('the compliance timeline answered ' + response.status);
      return response.json();
    })
    .then(function (data) {
      timeline = data;
      chart = drawChart();
      show(root.dataset.asOf);
      root.dataset.ready = 'true';
    })
    .catch(function (error) {
      root.dataset.ready = 'failed';
      document.getElementById('trend').appendChild(html('p', 'muted', 'The chart could not be drawn: ' + error.message));
    });
})();
