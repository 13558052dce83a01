/*
 * Tora.charts: the experiment page's chart grid on uPlot. One uPlot per chart, created when its
 * first data arrives and then updated with setData; it is rebuilt only when an axis changes kind
 * (log or time scale). Data comes columnar from the API, already reduced to the plot's pixel
 * width: raw points when they fit, else min/max/mean buckets, drawn as a band and a mean line.
 *
 *   const grid = Tora.charts.grid(el, {apiBase, experimentId, metrics: ['loss'], live: true});
 *   grid.setMetrics(['loss', 'acc']); grid.addOverlay(['loss', 'val_loss']); grid.destroy();
 *
 * Every chart element carries data-metric and data-chart-state (loading|drawn|empty|error);
 * Tora.charts.timings records each draw (performance.now() at request and at draw).
 */
(function () {
  'use strict';

  const Tora = window.Tora = window.Tora || {};

  const PLOT_HEIGHT = 240;
  const MAX_POINTS = 10000;
  const SETTINGS_KEY = 'tora.charts.settings';
  const SMOOTHING = [['twema', 'Time-weighted EMA'], ['ema', 'EMA'], ['mean', 'Running mean'], ['none', 'None']];
  const X_MODES = [['step', 'Step'], ['time', 'Wall time'], ['relative', 'Relative time']];

  const timings = [];
  let gridCount = 0;

  // ---- theme, colours, formatting (shared with compare-charts.js) ----

  const probe = document.createElement('canvas').getContext('2d');

  function rgb(color) {
    probe.fillStyle = '#000';
    probe.fillStyle = color;
    const c = probe.fillStyle;
    if (c[0] === '#') {
      return [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];
    }
    const m = c.match(/[\d.]+/g) || [0, 0, 0];
    return [Number(m[0]), Number(m[1]), Number(m[2])];
  }

  /** Colours of the PrimeFaces theme in force around el, read from its CSS variables. */
  function theme(el) {
    const cs = getComputedStyle(el);
    const v = (name, fallback) => (cs.getPropertyValue(name) || '').trim() || fallback;
    const surface = v('--surface-card', cs.backgroundColor && cs.backgroundColor !== 'rgba(0, 0, 0, 0)'
      ? cs.backgroundColor : '#ffffff');
    const [r, g, b] = rgb(surface);
    return {
      text: v('--text-color', cs.color || '#495057'),
      muted: v('--text-color-secondary', '#6c757d'),
      grid: v('--surface-border', '#dee2e6'),
      surface,
      primary: v('--primary-color', '#6366f1'),
      danger: v('--red-500', '#ef4444'),
      font: cs.fontFamily || 'sans-serif',
      dark: (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.45
    };
  }

  /**
   * Colour i of n, as a function of alpha. Hues step by the golden angle so neighbours differ,
   * lightness and saturation alternate so that 100 colours stay apart; lighter on dark themes.
   */
  function palette(i, dark) {
    const h = (215 + i * 137.508) % 360;
    const l = dark ? [66, 56, 74][i % 3] : [42, 55, 34][i % 3];
    const s = [78, 62, 90][Math.floor(i / 3) % 3];
    return a => 'hsla(' + h.toFixed(1) + ',' + s + '%,' + l + '%,' + a + ')';
  }

  function fmtNum(v) {
    if (v === null || v === undefined) {
      return '';
    }
    if (!Number.isFinite(v)) {
      return String(v);
    }
    const a = Math.abs(v);
    if (a !== 0 && (a >= 1e6 || a < 1e-3)) {
      return Number(v.toPrecision(4)).toExponential();
    }
    return String(Number(v.toPrecision(5)));
  }

  function fmtDuration(seconds) {
    if (!Number.isFinite(seconds)) {
      return '';
    }
    const sign = seconds < 0 ? '-' : '';
    let s = Math.abs(seconds);
    if (s < 60) {
      return sign + (Number.isInteger(s) ? s : Number(s.toPrecision(3))) + 's';
    }
    s = Math.round(s);
    const d = Math.floor(s / 86400);
    const h = Math.floor(s % 86400 / 3600);
    const m = Math.floor(s % 3600 / 60);
    const sec = s % 60;
    if (d > 0) {
      return sign + d + 'd ' + h + 'h';
    }
    if (h > 0) {
      return sign + h + 'h ' + String(m).padStart(2, '0') + 'm';
    }
    return sign + m + 'm ' + String(sec).padStart(2, '0') + 's';
  }

  function fmtTime(seconds) {
    if (!Number.isFinite(seconds)) {
      return '';
    }
    const d = new Date(seconds * 1000);
    const p = n => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + ' ' + p(d.getHours()) + ':'
      + p(d.getMinutes()) + ':' + p(d.getSeconds());
  }

  function csvField(v) {
    const s = String(v);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(k => e.setAttribute(k, attrs[k]));
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function record(entry) {
    timings.push(entry);
    if (timings.length > 2000) {
      timings.splice(0, timings.length - 2000);
    }
  }

  function loadSettings() {
    const s = { xMode: 'step', xMetric: null, logX: false, logY: false, smoothing: 'twema', weight: 0.6 };
    try {
      const saved = JSON.parse(localStorage.getItem(SETTINGS_KEY) || '{}');
      if (SMOOTHING.some(o => o[0] === saved.smoothing)) {
        s.smoothing = saved.smoothing;
      }
      if (saved.weight >= 0 && saved.weight <= 0.99) {
        s.weight = saved.weight;
      }
    } catch (unavailable) {
      // private mode or a corrupt entry: the defaults hold
    }
    return s;
  }

  function saveSettings(s) {
    try {
      localStorage.setItem(SETTINGS_KEY, JSON.stringify({ smoothing: s.smoothing, weight: s.weight }));
    } catch (unavailable) {
      // nothing to remember it in
    }
  }

  // ---- pages: what a series holds, how live points join it ----

  /** Source x of each point (step or epoch ms), bucket midpoints for buckets. */
  function sourceX(page) {
    if (page.mode === 'raw') {
      return page.axis === 'step' ? page.steps : page.timestamps;
    }
    const n = page.xStart.length;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = (page.xStart[i] + page.xEnd[i]) / 2;
    }
    return out;
  }

  function maxOf(a) {
    let m = -Infinity;
    for (let i = 0; i < a.length; i++) {
      if (a[i] > m) {
        m = a[i];
      }
    }
    return m;
  }

  function concat(a, b) {
    const out = new Float64Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  }

  /** Raw page a followed by raw points b, kept in x order. */
  function appendRaw(a, b) {
    const page = {
      mode: 'raw', axis: a.axis, steps: concat(a.steps, b.steps), values: concat(a.values, b.values),
      timestamps: concat(a.timestamps, b.timestamps)
    };
    const xs = page.axis === 'step' ? page.steps : page.timestamps;
    let sorted = true;
    for (let i = Math.max(1, a.steps.length); i < xs.length && sorted; i++) {
      sorted = xs[i] >= xs[i - 1];
    }
    if (!sorted) {
      const order = Array.from(xs.keys()).sort((i, j) => xs[i] - xs[j] || i - j);
      ['steps', 'values', 'timestamps'].forEach(k => {
        const src = page[k];
        page[k] = Float64Array.from(order, i => src[i]);
      });
    }
    return page;
  }

  /**
   * Raw points folded into the trailing buckets of a bucket page, each new bucket taking as many
   * points as the page's buckets hold on average, so the resolution stays what the server chose.
   */
  function appendToBuckets(page, raw) {
    const n = page.xStart.length;
    let total = 0;
    for (let i = 0; i < n; i++) {
      total += page.count[i];
    }
    const target = Math.max(1, Math.round(total / Math.max(1, n)));
    const xs = page.axis === 'step' ? raw.steps : raw.timestamps;
    const k = xs.length;
    const size = n + Math.ceil(k / target) + 1;
    const keys = ['xStart', 'xEnd', 'count', 'min', 'max', 'first', 'last', 'mean', 'nonfinite'];
    const out = { mode: 'buckets', axis: page.axis };
    keys.forEach(key => {
      out[key] = new Float64Array(size);
      out[key].set(page[key]);
    });
    let b = n - 1;
    for (let i = 0; i < k; i++) {
      const x = xs[i];
      const v = raw.values[i];
      if (b < 0 || out.count[b] >= target) {
        b++;
        out.xStart[b] = x;
        out.xEnd[b] = x;
        out.min[b] = NaN;
        out.max[b] = NaN;
        out.mean[b] = NaN;
        out.first[b] = v;
      }
      out.xStart[b] = Math.min(out.xStart[b], x);
      out.xEnd[b] = Math.max(out.xEnd[b], x);
      out.count[b]++;
      out.last[b] = v;
      if (Number.isFinite(v)) {
        const finite = out.count[b] - out.nonfinite[b] - 1;
        out.mean[b] = finite > 0 ? (out.mean[b] * finite + v) / (finite + 1) : v;
        out.min[b] = Number.isNaN(out.min[b]) ? v : Math.min(out.min[b], v);
        out.max[b] = Number.isNaN(out.max[b]) ? v : Math.max(out.max[b], v);
      } else {
        out.nonfinite[b]++;
      }
    }
    const used = b + 1;
    keys.forEach(key => {
      out[key] = out[key].slice(0, used);
    });
    return out;
  }

  /** One metric's data inside a chart (or the grid's x metric). */
  class Series {
    constructor(name) {
      this.name = name;
      this.page = null;
    }

    /** The query for points newer than what the page holds. */
    newerQuery() {
      const p = this.page;
      if (!p || p.mode === 'missing') {
        return { x: 'step', from: 0 };
      }
      if (p.mode === 'raw') {
        return { x: 'step', from: p.steps.length ? maxOf(p.steps) + 1 : 0 };
      }
      // buckets know their x only: on the step axis that is the last step; on the time axis the
      // last time (points logged in that same millisecond but not yet seen would be missed)
      const last = p.xEnd.length ? maxOf(p.xEnd) + 1 : 0;
      return { x: p.axis, from: p.axis === 'step' ? last : Math.max(0, last) };
    }

    /** Joins the new raw points; false when they came as buckets (the caller re-queries). */
    merge(newer) {
      if (newer.mode !== 'raw') {
        return false;
      }
      if (newer.steps.length === 0) {
        return true;
      }
      const p = this.page;
      if (!p || p.mode === 'missing') {
        const empty = new Float64Array(0);
        this.page = appendRaw({ mode: 'raw', axis: p ? p.axis : 'step', steps: empty, values: empty,
          timestamps: empty }, newer);
      } else if (p.mode === 'raw') {
        this.page = appendRaw(p, newer);
      } else {
        this.page = appendToBuckets(p, newer);
      }
      return true;
    }

    size() {
      return Tora.api.pageSize(this.page);
    }
  }

  // ---- one chart ----

  class Chart {
    constructor(grid, key, metrics, overlay) {
      this.grid = grid;
      this.key = key;
      this.metrics = metrics;
      this.overlay = overlay;
      this.series = metrics.map(m => new Series(m));
      this.u = null;
      this.seq = 0;
      this.abort = null;
      this.pending = null;
      this.draws = 0;
      this.markers = [];
      this.appending = false;
      this.appendAgain = false;
      this.loadedBudget = 0;
      this.theme = theme(grid.el);
      // colours follow the theme in force whenever they are drawn
      this.colors = metrics.map((m, i) => alpha => palette(i, this.theme.dark)(alpha));
      this.buildDom();
    }

    buildDom() {
      const root = this.root = el('section', {
        'class': 'tora-chart', 'data-metric': this.metrics.join(','), 'data-chart-state': 'loading',
        'data-chart-key': this.key, 'aria-label': 'Chart of ' + this.metrics.join(', ')
      });
      const head = el('header', { 'class': 'tora-chart-head' });
      const title = el('h3', { 'class': 'tora-chart-title' });
      this.metrics.forEach((m, i) => {
        const swatch = el('span', { 'class': 'tora-chart-swatch', 'aria-hidden': 'true' });
        swatch.style.background = this.colors[i](1);
        title.append(swatch, el('span', { 'class': 'tora-chart-name' }, m));
      });
      const actions = el('div', { 'class': 'tora-chart-actions' });
      const png = el('button', { type: 'button', 'class': 'tora-chart-btn', 'data-action': 'png',
        title: 'Download this chart as PNG' }, 'PNG');
      const csv = el('button', { type: 'button', 'class': 'tora-chart-btn', 'data-action': 'csv',
        title: 'Download the loaded points as CSV' }, 'CSV');
      png.addEventListener('click', () => this.downloadPng());
      csv.addEventListener('click', () => this.downloadCsv());
      actions.append(png, csv);
      if (this.overlay) {
        const remove = el('button', { type: 'button', 'class': 'tora-chart-btn', 'data-action': 'remove',
          'aria-label': 'Remove this overlay' }, '\u00d7');
        remove.addEventListener('click', () => this.grid.removeChart(this.key));
        actions.append(remove);
      }
      head.append(title, actions);
      this.note = el('p', { 'class': 'tora-chart-note' });
      this.plotEl = el('div', { 'class': 'tora-chart-plot' });
      this.plotEl.style.height = PLOT_HEIGHT + 'px';
      this.msg = el('div', { 'class': 'tora-chart-msg', role: 'status' }, 'Loading\u2026');
      this.plotEl.append(this.msg);
      this.legend = el('div', { 'class': 'tora-chart-legend' });
      this.legendRows = this.metrics.map((m, i) => {
        const row = el('div', { 'class': 'tora-chart-legend-row' });
        const swatch = el('span', { 'class': 'tora-chart-swatch', 'aria-hidden': 'true' });
        swatch.style.background = this.colors[i](1);
        const value = el('span', { 'class': 'tora-chart-legend-value' });
        row.append(swatch, el('span', { 'class': 'tora-chart-legend-name' }, m), value);
        this.legend.append(row);
        return value;
      });
      this.legendX = el('span', { 'class': 'tora-chart-legend-x' });
      this.legend.prepend(this.legendX);
      root.append(head, this.note, this.plotEl, this.legend);
      this.resizer = new ResizeObserver(() => this.resized());
      this.resizer.observe(this.plotEl);
    }

    setState(state, message) {
      this.root.dataset.chartState = state;
      if (message === undefined) {
        this.msg.hidden = true;
      } else {
        this.msg.hidden = false;
        this.msg.textContent = message;
        this.msg.classList.toggle('tora-chart-msg-error', state === 'error');
        this.msg.setAttribute('role', state === 'error' ? 'alert' : 'status');
      }
    }

    plotWidth() {
      if (this.u) {
        return this.u.bbox.width / uPlot.pxRatio;
      }
      return Math.max(100, (this.plotEl.clientWidth || 500) - 64);
    }

    /** Points to ask for: one per pixel of the plotting area. */
    budget() {
      return Math.max(32, Math.min(MAX_POINTS, Math.round(this.plotWidth())));
    }

    priority() {
      const r = this.root.getBoundingClientRect();
      return r.bottom >= 0 && r.top <= (window.innerHeight || 800) ? 0 : 1;
    }

    /** Loads every series of this chart for the grid's current x axis and zoom, then draws. */
    async load(reason) {
      const seq = ++this.seq;
      if (this.abort) {
        this.abort.abort();
      }
      const abort = this.abort = new AbortController();
      const start = performance.now();
      if (!this.u) {
        this.setState('loading', 'Loading\u2026');
      }
      this.root.dataset.loading = 'true';
      const budget = this.budget();
      const grid = this.grid;
      try {
        await grid.ready();
        const range = grid.serverRange(this);
        const pages = await Promise.all(this.metrics.map(m => Tora.api.points(grid.apiBase, grid.experimentId, m, {
          x: range.x, from: range.from, to: range.to, points: budget, signal: abort.signal,
          priority: this.priority()
        })));
        if (seq !== this.seq) {
          return;
        }
        pages.forEach((p, i) => {
          this.series[i].page = p;
        });
        this.loadedBudget = budget;
        this.root.dataset.loading = 'false';
        grid.notePages(this);
        this.render(reason, start);
        if (this.appendAgain) {
          this.appendAgain = false;
          this.appendLive(performance.now());
        }
      } catch (e) {
        if (e.name === 'AbortError' || seq !== this.seq) {
          return;
        }
        this.root.dataset.loading = 'false';
        this.setState('error', Tora.api.message(e));
        record({ chart: this.key, metric: this.metrics.join('+'), reason, start, end: performance.now(),
          error: Tora.api.message(e) });
      }
    }

    loaded() {
      return this.series.every(s => s.page !== null);
    }

    /** Fetches only the points newer than those held (live); re-queries when they no longer fit. */
    async appendLive(eventTime) {
      if (!this.loaded() || this.appending || this.root.dataset.loading === 'true') {
        this.appendAgain = true;
        return;
      }
      if (this.grid.zoom) {
        // the zoomed range is fixed; the reset re-query brings the new points
        return;
      }
      this.appending = true;
      const seq = this.seq;
      const budget = this.budget();
      try {
        const grid = this.grid;
        const newer = await Promise.all(this.series.map(s => {
          const q = s.newerQuery();
          return Tora.api.points(grid.apiBase, grid.experimentId, s.name, { x: q.x, from: q.from, points: budget });
        }));
        if (seq !== this.seq || this.grid.zoom) {
          return;
        }
        let requery = false;
        let any = false;
        newer.forEach((p, i) => {
          any = any || Tora.api.pageSize(p) > 0;
          if (!this.series[i].merge(p)) {
            requery = true;
          }
        });
        this.series.forEach(s => {
          const size = s.size();
          if ((s.page.mode === 'raw' && size > budget) || (s.page.mode === 'buckets' && size > budget * 1.25)) {
            requery = true;
          }
        });
        if (requery) {
          this.load('live-requery');
        } else if (any) {
          this.grid.notePages(this);
          this.render('live', eventTime);
        }
      } catch (e) {
        if (e.name !== 'AbortError') {
          this.note.textContent = 'Live update failed: ' + Tora.api.message(e);
        }
      } finally {
        this.appending = false;
        if (this.appendAgain) {
          this.appendAgain = false;
          this.appendLive(performance.now());
        }
      }
    }

    /** Columns ready for uPlot from the held pages and the grid's settings. */
    build() {
      const grid = this.grid;
      const s = grid.settings;
      const notes = [];
      let hiddenY = 0;
      let droppedX = 0;
      let unmapped = 0;
      let nonfinite = 0;
      let totalPoints = 0;
      let modes = new Set();
      const parts = this.series.map(series => {
        const p = series.page;
        if (!p || p.mode === 'missing') {
          return null;
        }
        const raw = p.mode === 'raw';
        const n = Tora.api.pageSize(p);
        modes.add(p.mode);
        const sx = sourceX(p);
        const y = raw ? p.values : p.mean;
        const x = grid.displayX(sx, p.axis);
        const smooth = s.smoothing === 'none' ? null : Tora.smooth.apply(s.smoothing, sx, y, s.weight);
        const rows = [];
        let sorted = true;
        let prev = -Infinity;
        for (let i = 0; i < n; i++) {
          const xi = x[i];
          if (!Number.isFinite(xi)) {
            unmapped++;
            continue;
          }
          if (s.logX && xi <= 0) {
            droppedX++;
            continue;
          }
          if (xi < prev) {
            sorted = false;
          }
          prev = xi;
          rows.push(i);
        }
        if (!sorted) {
          rows.sort((i, j) => x[i] - x[j] || i - j);
        }
        const m = rows.length;
        const xs = new Float64Array(m);
        const line = new Array(m);
        const sm = new Array(m);
        const lo = new Array(m);
        const hi = new Array(m);
        const markers = [];
        const val = v => {
          if (!Number.isFinite(v)) {
            return null;
          }
          if (s.logY && v <= 0) {
            hiddenY++;
            return null;
          }
          return v;
        };
        for (let r = 0; r < m; r++) {
          const i = rows[r];
          xs[r] = x[i];
          line[r] = val(y[i]);
          sm[r] = smooth ? (Number.isFinite(smooth[i]) && !(s.logY && smooth[i] <= 0) ? smooth[i] : null) : null;
          if (raw) {
            lo[r] = hi[r] = null;
            if (!Number.isFinite(y[i])) {
              markers.push({ x: x[i], kind: Number.isNaN(y[i]) ? 'nan' : y[i] > 0 ? 'inf' : '-inf' });
            }
          } else {
            const a = p.min[i];
            const b = p.max[i];
            const ok = Number.isFinite(a) && Number.isFinite(b) && !(s.logY && a <= 0);
            lo[r] = ok ? a : null;
            hi[r] = ok ? b : null;
            if (p.nonfinite[i] > 0) {
              markers.push({ x: x[i], kind: 'bucket', n: p.nonfinite[i] });
            }
          }
        }
        let points = 0;
        if (raw) {
          points = n;
        } else {
          for (let i = 0; i < n; i++) {
            points += p.count[i];
          }
        }
        totalPoints += points;
        markers.forEach(mk => {
          nonfinite += mk.n || 1;
        });
        return { xs, line, sm, lo, hi, markers, raw, n, points };
      });
      const present = parts.filter(p => p && p.xs.length > 0);
      let data;
      if (present.length === 0) {
        data = null;
      } else if (parts.length === 1) {
        const p = parts[0];
        data = [p.xs, p.lo, p.hi, p.line, p.sm];
      } else {
        data = join(parts);
      }
      if (modes.has('buckets')) {
        const b = parts.filter(p => p && !p.raw);
        notes.push(b.map(p => p.n).join(' / ') + ' buckets of ' + b.map(p => p.points.toLocaleString('en-US'))
          .join(' / ') + ' points (band min\u2013max, line mean).');
      }
      if (nonfinite > 0) {
        notes.push(nonfinite + ' NaN/\u00b1Inf marked in red (\u25bc top: +Inf, \u25b2 bottom: -Inf, | NaN).');
      }
      if (hiddenY > 0) {
        notes.push(hiddenY + ' value' + (hiddenY === 1 ? '' : 's') + ' \u2264 0 not shown on the log y axis.');
      }
      if (droppedX > 0) {
        notes.push(droppedX + ' point' + (droppedX === 1 ? '' : 's') + ' at x \u2264 0 dropped from the log x axis.');
      }
      if (s.xMode === 'metric' && unmapped > 0) {
        notes.push(unmapped + ' point' + (unmapped === 1 ? '' : 's') + ' outside the steps of '
          + s.xMetric + ' not shown.');
      }
      const markers = [];
      parts.forEach((p, i) => p && p.markers.forEach(mk => markers.push(Object.assign({ metric: i }, mk))));
      return {
        data, notes, markers, nonfinite, totalPoints,
        mode: modes.size === 1 ? Array.from(modes)[0] : modes.size ? 'mixed' : 'missing',
        shown: present.reduce((a, p) => a + p.xs.length, 0)
      };
    }

    smoothed() {
      return this.grid.settings.smoothing !== 'none';
    }

    /** Draws what build() makes of the held pages; timing from start (performance.now()). */
    render(reason, start) {
      const built = this.build();
      this.built = built;
      this.markers = built.markers;
      this.note.textContent = built.notes.join(' ');
      this.root.dataset.mode = built.mode;
      this.root.dataset.points = String(built.shown);
      this.root.dataset.nonfinite = String(built.nonfinite);
      this.root.dataset.zoomed = String(!!this.grid.zoom);
      if (!built.data) {
        if (this.u) {
          this.u.destroy();
          this.u = null;
        }
        this.setState('empty', this.grid.zoom ? 'No points in this range.' : 'No points logged yet.');
        this.plotEl.append(this.msg);
        record({ chart: this.key, metric: this.metrics.join('+'), reason, start, end: performance.now(),
          mode: built.mode, points: 0, empty: true });
        this.updateLegend();
        return;
      }
      this.pending = { reason, start, mode: built.mode, points: built.shown };
      if (!this.u || this.rebuild) {
        this.rebuild = false;
        this.create(built.data);
      } else {
        const zoom = this.grid.zoom;
        this.u.batch(() => {
          this.u.setData(built.data, true);
          if (zoom) {
            this.u.setScale('x', { min: zoom.min, max: zoom.max });
          }
        });
      }
    }

    create(data) {
      if (this.u) {
        this.u.destroy();
      }
      const grid = this.grid;
      const s = grid.settings;
      const th = () => this.theme;
      const series = [{}];
      const bands = [];
      this.metrics.forEach((name, i) => {
        const color = this.colors[i];
        const base = series.length;
        series.push({ label: name + ' min', stroke: 'transparent', width: 0, points: { show: false } });
        series.push({ label: name + ' max', stroke: 'transparent', width: 0, points: { show: false } });
        series.push({ label: name, stroke: () => color(this.smoothed() ? 0.3 : 1), width: 1 });
        series.push({ label: name + ' smoothed', stroke: () => color(1), width: 1.75, points: { show: false } });
        bands.push({ series: [base + 1, base], fill: () => color(this.theme.dark ? 0.28 : 0.2) });
      });
      const axisFont = () => '11px ' + this.theme.font;
      const xAxis = {
        stroke: () => th().text, grid: { stroke: () => th().grid, width: 1 }, ticks: { stroke: () => th().grid, width: 1 },
        font: axisFont(), labelFont: axisFont(), label: grid.xLabel(), labelSize: 18, labelGap: 0
      };
      if (s.xMode === 'relative') {
        xAxis.values = (u, splits) => splits.map(fmtDuration);
        xAxis.incrs = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
          172800, 604800];
      } else if (s.xMode !== 'time') {
        xAxis.values = (u, splits) => splits.map(fmtNum);
      }
      const yAxis = {
        stroke: () => th().text, grid: { stroke: () => th().grid, width: 1 }, ticks: { stroke: () => th().grid, width: 1 },
        font: axisFont(), values: (u, splits) => splits.map(fmtNum), size: axisSize
      };
      const opts = {
        width: Math.max(120, this.plotEl.clientWidth), height: PLOT_HEIGHT,
        legend: { show: false },
        padding: [10, 14, 0, 0],
        scales: {
          x: { time: s.xMode === 'time', distr: s.logX ? 3 : 1 },
          y: { distr: s.logY ? 3 : 1 }
        },
        axes: [xAxis, yAxis],
        series, bands,
        cursor: {
          drag: { x: true, y: false, setScale: false, dist: 4 },
          sync: {
            key: grid.syncKey, setSeries: false,
            filters: { pub: type => type === 'mousemove' || type === 'mouseleave' }
          },
          bind: {
            dblclick: () => () => {
              grid.resetZoom();
              return null;
            }
          },
          points: { size: 6 }
        },
        hooks: {
          drawClear: [() => {
            this.theme = theme(this.grid.el);
          }],
          setSelect: [u => this.selected(u)],
          setLegend: [() => this.updateLegend()],
          draw: [u => this.drawn(u)]
        }
      };
      this.msg.remove();
      this.u = new uPlot(opts, data, this.plotEl);
      const zoom = grid.zoom;
      if (zoom) {
        this.u.setScale('x', { min: zoom.min, max: zoom.max });
      }
    }

    selected(u) {
      const sel = u.select;
      if (sel.width < 4) {
        return;
      }
      const min = u.posToVal(sel.left, 'x');
      const max = u.posToVal(sel.left + sel.width, 'x');
      u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
      this.grid.zoomTo(min, max);
    }

    drawn(u) {
      this.drawMarkers(u);
      this.draws++;
      this.root.dataset.draws = String(this.draws);
      if (this.pending) {
        const p = this.pending;
        this.pending = null;
        const end = performance.now();
        record({ chart: this.key, metric: this.metrics.join('+'), reason: p.reason, start: p.start, end,
          mode: p.mode, points: p.points });
        this.setState('drawn');
        this.updateLegend();
      }
    }

    drawMarkers(u) {
      if (!this.markers.length) {
        return;
      }
      const ctx = u.ctx;
      const r = uPlot.pxRatio;
      const { left, top, width, height } = u.bbox;
      ctx.save();
      ctx.fillStyle = this.theme.danger;
      ctx.strokeStyle = this.theme.danger;
      ctx.lineWidth = Math.max(1, 1.5 * r);
      const size = 5 * r;
      let lastPx = -1;
      let lastKind = '';
      this.markers.forEach(mk => {
        const px = Math.round(u.valToPos(mk.x, 'x', true));
        if (px < left - 1 || px > left + width + 1 || (px === lastPx && mk.kind === lastKind)) {
          return;
        }
        lastPx = px;
        lastKind = mk.kind;
        ctx.beginPath();
        if (mk.kind === 'inf') {
          ctx.moveTo(px - size, top);
          ctx.lineTo(px + size, top);
          ctx.lineTo(px, top + size * 1.6);
          ctx.closePath();
          ctx.fill();
        } else if (mk.kind === '-inf') {
          ctx.moveTo(px - size, top + height);
          ctx.lineTo(px + size, top + height);
          ctx.lineTo(px, top + height - size * 1.6);
          ctx.closePath();
          ctx.fill();
        } else {
          ctx.moveTo(px, top + height);
          ctx.lineTo(px, top + height - size * 2);
          ctx.stroke();
        }
      });
      ctx.restore();
    }

    updateLegend() {
      const u = this.u;
      const idx = u && u.cursor.idx;
      const grid = this.grid;
      if (u && idx != null && u.data[0] && idx < u.data[0].length) {
        this.legendX.textContent = grid.formatX(u.data[0][idx]);
      } else {
        this.legendX.textContent = '';
      }
      this.metrics.forEach((m, i) => {
        const base = 1 + i * 4;
        let text = '';
        if (u && u.data.length > base + 3) {
          const pick = k => {
            const col = u.data[base + k];
            const j = idx != null ? (u.cursor.idxs && u.cursor.idxs[base + k] != null ? u.cursor.idxs[base + k] : idx)
              : lastDefined(col);
            return j == null || j < 0 ? null : col[j];
          };
          const line = pick(2);
          const smooth = pick(3);
          const lo = pick(0);
          const hi = pick(1);
          if (smooth != null) {
            text += fmtNum(smooth) + ' smoothed';
          }
          if (line != null) {
            text += (text ? ', ' : '') + fmtNum(line) + (lo != null ? ' mean' : '');
          }
          if (lo != null && hi != null) {
            text += ' [' + fmtNum(lo) + ' \u2013 ' + fmtNum(hi) + ']';
          }
          if (idx == null && text) {
            text = 'last: ' + text;
          }
        }
        this.legendRows[i].textContent = text;
      });
    }

    resized() {
      if (!this.u) {
        return;
      }
      const width = Math.max(120, this.plotEl.clientWidth);
      if (Math.abs(width - this.u.width) < 2) {
        return;
      }
      this.u.setSize({ width, height: PLOT_HEIGHT });
      clearTimeout(this.resizeTimer);
      this.resizeTimer = setTimeout(() => {
        const bucketed = this.series.some(s => s.page && s.page.mode === 'buckets');
        if (bucketed && this.budget() > this.loadedBudget * 1.3) {
          this.load('resize');
        }
      }, 200);
    }

    title() {
      return this.metrics.join(', ');
    }

    downloadPng() {
      const u = this.u;
      if (!u) {
        return;
      }
      const th = this.theme;
      const src = u.ctx.canvas;
      const r = src.width / u.width;
      const pad = Math.round(12 * r);
      const titleH = Math.round(24 * r);
      const lineH = Math.round(16 * r);
      const legendLines = this.metrics.length + 1;
      const c = document.createElement('canvas');
      c.width = src.width + 2 * pad;
      c.height = src.height + titleH + legendLines * lineH + 2 * pad;
      const ctx = c.getContext('2d');
      ctx.fillStyle = th.surface;
      ctx.fillRect(0, 0, c.width, c.height);
      ctx.textBaseline = 'top';
      ctx.fillStyle = th.text;
      ctx.font = '600 ' + Math.round(14 * r) + 'px ' + th.font;
      ctx.fillText(this.title(), pad, pad);
      ctx.drawImage(src, pad, pad + titleH);
      ctx.font = Math.round(12 * r) + 'px ' + th.font;
      let y = pad + titleH + src.height + Math.round(4 * r);
      ctx.fillStyle = th.muted;
      ctx.fillText(this.grid.describe(), pad, y);
      this.metrics.forEach((m, i) => {
        y += lineH;
        ctx.fillStyle = this.colors[i](1);
        ctx.fillRect(pad, y + 2 * r, 10 * r, 10 * r);
        ctx.fillStyle = th.text;
        ctx.fillText(m + '  ' + this.legendRows[i].textContent, pad + 16 * r, y);
      });
      this.lastExport = { type: 'png', width: c.width, height: c.height };
      c.toBlob(blob => {
        this.lastExport.size = blob.size;
        Tora.api.download(blob, Tora.api.fileName(this.grid.experimentId + '-' + this.metrics.join('+'), 'png'));
      }, 'image/png');
    }

    /** The series as loaded now: raw points, or the buckets the server returned. */
    csv() {
      const allRaw = this.series.every(s => !s.page || s.page.mode !== 'buckets');
      const lines = [];
      if (allRaw) {
        lines.push('metric,step,timestamp,value');
        this.series.forEach(s => {
          const p = s.page;
          if (!p || p.mode !== 'raw') {
            return;
          }
          const name = csvField(s.name);
          for (let i = 0; i < p.steps.length; i++) {
            lines.push(name + ',' + p.steps[i] + ',' + p.timestamps[i] + ',' + p.values[i]);
          }
        });
      } else {
        const axis = this.series.find(s => s.page && s.page.mode === 'buckets').page.axis;
        lines.push('metric,' + axis + '_start,' + axis + '_end,count,min,max,mean,first,last,nonfinite');
        const opt = v => Number.isNaN(v) ? '' : String(v);
        this.series.forEach(s => {
          const p = s.page;
          if (!p || p.mode === 'missing') {
            return;
          }
          const name = csvField(s.name);
          if (p.mode === 'raw') {
            const xs = p.axis === 'step' ? p.steps : p.timestamps;
            for (let i = 0; i < xs.length; i++) {
              const v = p.values[i];
              const f = Number.isFinite(v);
              lines.push([name, xs[i], xs[i], 1, f ? v : '', f ? v : '', f ? v : '', v, v, f ? 0 : 1].join(','));
            }
            return;
          }
          for (let i = 0; i < p.xStart.length; i++) {
            lines.push([name, p.xStart[i], p.xEnd[i], p.count[i], opt(p.min[i]), opt(p.max[i]), opt(p.mean[i]),
              p.first[i], p.last[i], p.nonfinite[i]].join(','));
          }
        });
      }
      return lines.join('\n') + '\n';
    }

    downloadCsv() {
      const text = this.csv();
      this.lastExport = { type: 'csv', size: text.length };
      Tora.api.download(new Blob([text], { type: 'text/csv' }),
        Tora.api.fileName(this.grid.experimentId + '-' + this.metrics.join('+'), 'csv'));
    }

    destroy() {
      this.seq++;
      if (this.abort) {
        this.abort.abort();
      }
      this.resizer.disconnect();
      clearTimeout(this.resizeTimer);
      if (this.u) {
        this.u.destroy();
        this.u = null;
      }
      this.root.remove();
    }
  }

  /** Width of a y axis that fits its longest tick label. */
  function axisSize(u, values) {
    const longest = values ? values.reduce((m, v) => Math.max(m, String(v).length), 0) : 4;
    return Math.max(36, 14 + Math.ceil(longest * 6.4));
  }

  function lastDefined(col) {
    for (let j = col.length - 1; j >= 0; j--) {
      if (col[j] != null) {
        return j;
      }
    }
    return null;
  }

  /** Columns of several metrics on the union of their x values; undefined where one has no point. */
  function join(parts) {
    let total = 0;
    parts.forEach(p => {
      total += p ? p.xs.length : 0;
    });
    const all = new Float64Array(total);
    let o = 0;
    parts.forEach(p => {
      if (p) {
        all.set(p.xs, o);
        o += p.xs.length;
      }
    });
    all.sort();
    let u = 0;
    for (let i = 0; i < all.length; i++) {
      if (i === 0 || all[i] !== all[u - 1]) {
        all[u++] = all[i];
      }
    }
    const xs = all.slice(0, u);
    const data = [xs];
    parts.forEach(p => {
      const cols = [new Array(u), new Array(u), new Array(u), new Array(u)];
      if (p) {
        let j = 0;
        for (let i = 0; i < p.xs.length; i++) {
          while (xs[j] < p.xs[i]) {
            j++;
          }
          cols[0][j] = p.lo[i];
          cols[1][j] = p.hi[i];
          cols[2][j] = p.line[i];
          cols[3][j] = p.sm[i];
        }
      }
      data.push(cols[0], cols[1], cols[2], cols[3]);
    });
    return data;
  }

  // ---- the grid ----

  class Grid {
    constructor(container, opts) {
      if (container.toraGrid) {
        container.toraGrid.destroy();
      }
      this.el = container;
      this.apiBase = opts.apiBase || '/api';
      this.experimentId = opts.experimentId;
      this.syncKey = 'tora-grid-' + (++gridCount);
      this.settings = loadSettings();
      this.zoom = null;
      this.t0 = Infinity;
      this.charts = new Map();
      this.summaries = [];
      this.xSeries = null;
      this.xReady = Promise.resolve();
      this.unsubscribe = null;
      container.classList.add('tora-chart-grid');
      container.toraGrid = this;
      this.buildToolbar();
      this.body = el('div', { 'class': 'tora-chart-grid-body' });
      this.empty = el('p', { 'class': 'tora-chart-grid-empty' }, 'Choose metrics to chart.');
      container.append(this.toolbar, this.body, this.empty);
      this.themeListener = () => this.refreshTheme();
      document.addEventListener('tora:themechange', this.themeListener);
      this.setMetrics(opts.metrics || []);
      this.loadSummaries();
      if (opts.live) {
        this.startLive();
      }
    }

    buildToolbar() {
      const t = this.toolbar = el('div', { 'class': 'tora-chart-toolbar', role: 'group', 'aria-label': 'Chart options' });
      const s = this.settings;
      const xLabel = el('label', { 'class': 'tora-chart-field' }, 'X axis ');
      const x = this.xSelect = el('select', { 'data-control': 'x' });
      X_MODES.forEach(([v, label]) => x.append(el('option', { value: v }, label)));
      this.metricGroup = el('optgroup', { label: 'Another metric' });
      x.append(this.metricGroup);
      x.value = s.xMode;
      x.addEventListener('change', () => this.setX(x.value));
      xLabel.append(x);
      const logX = this.logXButton = el('button', { type: 'button', 'class': 'tora-chart-toggle', 'data-control': 'logx',
        'aria-pressed': String(s.logX) }, 'Log X');
      logX.addEventListener('click', () => this.setLog('x', !this.settings.logX));
      const logY = this.logYButton = el('button', { type: 'button', 'class': 'tora-chart-toggle', 'data-control': 'logy',
        'aria-pressed': String(s.logY) }, 'Log Y');
      logY.addEventListener('click', () => this.setLog('y', !this.settings.logY));
      const smLabel = el('label', { 'class': 'tora-chart-field' }, 'Smoothing ');
      const sm = this.smoothSelect = el('select', { 'data-control': 'smoothing' });
      SMOOTHING.forEach(([v, label]) => sm.append(el('option', { value: v }, label)));
      sm.value = s.smoothing;
      sm.addEventListener('change', () => this.setSmoothing(sm.value, this.settings.weight));
      smLabel.append(sm);
      const wLabel = el('label', { 'class': 'tora-chart-field' }, 'Weight ');
      const w = this.weightInput = el('input', { type: 'range', min: '0', max: '0.99', step: '0.01',
        'data-control': 'weight', 'aria-label': 'Smoothing weight' });
      w.value = String(s.weight);
      this.weightOut = el('output', { 'class': 'tora-chart-weight' });
      w.addEventListener('input', () => this.setSmoothing(this.settings.smoothing, Number(w.value)));
      wLabel.append(w, this.weightOut);
      const reset = this.resetButton = el('button', { type: 'button', 'class': 'tora-chart-btn', 'data-control': 'reset',
        disabled: 'disabled' }, 'Reset zoom');
      reset.addEventListener('click', () => this.resetZoom());
      this.liveBadge = el('span', { 'class': 'tora-chart-live', hidden: 'hidden' }, 'Live');
      t.append(xLabel, logX, logY, smLabel, wLabel, reset, this.liveBadge);
      this.syncToolbar();
    }

    syncToolbar() {
      const s = this.settings;
      this.xSelect.value = s.xMode === 'metric' ? 'metric:' + s.xMetric : s.xMode;
      this.logXButton.setAttribute('aria-pressed', String(s.logX));
      this.logXButton.disabled = s.xMode === 'time';
      this.logYButton.setAttribute('aria-pressed', String(s.logY));
      this.smoothSelect.value = s.smoothing;
      this.weightInput.disabled = s.smoothing === 'none';
      this.weightOut.textContent = s.smoothing === 'mean' ? Tora.smooth.windowFor(s.weight) + ' pts'
        : s.weight.toFixed(2);
      this.resetButton.disabled = !this.zoom;
      this.el.dataset.xMode = s.xMode;
      this.el.dataset.zoomed = String(!!this.zoom);
    }

    async loadSummaries() {
      try {
        const list = await Tora.api.summaries(this.apiBase, this.experimentId, { priority: 1 });
        this.summaries = list;
        this.fillMetricOptions(list.map(m => m.name));
      } catch (e) {
        Tora.api.showError(this.toolbar, e);
      }
    }

    fillMetricOptions(names) {
      const have = new Set(Array.from(this.metricGroup.children).map(o => o.dataset.metric));
      names.filter(n => !have.has(n)).sort().forEach(n => {
        this.metricGroup.append(el('option', { value: 'metric:' + n, 'data-metric': n }, n));
      });
      this.syncToolbar();
    }

    // -- chart set --

    setMetrics(names) {
      const wanted = Array.from(new Set((names || []).map(String).filter(n => n.length > 0)));
      this.charts.forEach((c, key) => {
        if (!c.overlay && !wanted.includes(c.metrics[0])) {
          this.removeChart(key);
        }
      });
      wanted.forEach(name => {
        const key = 'metric:' + name;
        if (!this.charts.has(key)) {
          this.addChart(new Chart(this, key, [name], false));
        }
      });
      // charts in the order asked, overlays after them
      wanted.forEach(name => this.body.append(this.charts.get('metric:' + name).root));
      this.charts.forEach(c => c.overlay && this.body.append(c.root));
      this.syncEmpty();
    }

    addOverlay(names) {
      const metrics = Array.from(new Set((names || []).map(String).filter(n => n.length > 0)));
      if (metrics.length === 0) {
        return;
      }
      const key = 'overlay:' + metrics.join('+');
      if (!this.charts.has(key)) {
        this.addChart(new Chart(this, key, metrics, true));
        this.body.append(this.charts.get(key).root);
      }
      this.syncEmpty();
    }

    addChart(chart) {
      this.charts.set(chart.key, chart);
      this.body.append(chart.root);
      chart.load('initial');
    }

    removeChart(key) {
      const c = this.charts.get(key);
      if (c) {
        c.destroy();
        this.charts.delete(key);
      }
      this.syncEmpty();
    }

    syncEmpty() {
      this.empty.hidden = this.charts.size > 0;
    }

    /** Resolves when what the charts need besides their own points (the x metric) is loaded. */
    ready() {
      return this.xReady;
    }

    // -- x axis --

    xLabel() {
      const s = this.settings;
      switch (s.xMode) {
        case 'time': return 'wall time';
        case 'relative': return 'relative time';
        case 'metric': return s.xMetric + ' (interpolated by step)';
        default: return 'step';
      }
    }

    serverAxis() {
      return this.settings.xMode === 'time' || this.settings.xMode === 'relative' ? 'time' : 'step';
    }

    /** Display x of source x values (steps or epoch ms) on the axis they came from. */
    displayX(sx, axis) {
      const s = this.settings;
      const n = sx.length;
      if (s.xMode === 'step' || (s.xMode !== 'metric' && axis === 'step')) {
        return sx;
      }
      const out = new Float64Array(n);
      if (s.xMode === 'time') {
        for (let i = 0; i < n; i++) {
          out[i] = sx[i] / 1000;
        }
      } else if (s.xMode === 'relative') {
        const t0 = Number.isFinite(this.t0) ? this.t0 : 0;
        for (let i = 0; i < n; i++) {
          out[i] = (sx[i] - t0) / 1000;
        }
      } else {
        const table = this.xTable;
        for (let i = 0; i < n; i++) {
          out[i] = table ? interpolate(table, sx[i]) : NaN;
        }
      }
      return out;
    }

    formatX(v) {
      switch (this.settings.xMode) {
        case 'time': return fmtTime(v);
        case 'relative': return fmtDuration(v);
        case 'metric': return this.settings.xMetric + ' ' + fmtNum(v);
        default: return 'step ' + (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '');
      }
    }

    describe() {
      const s = this.settings;
      const sm = SMOOTHING.find(o => o[0] === s.smoothing)[1];
      return 'x: ' + this.xLabel() + (s.logX ? ' (log)' : '') + (s.logY ? ', y: log' : '') + ', smoothing: ' + sm
        + (s.smoothing === 'none' ? '' : s.smoothing === 'mean' ? ' ' + Tora.smooth.windowFor(s.weight) + ' points'
          : ' ' + s.weight.toFixed(2));
    }

    /** The server query range for the zoom: {x, from, to} (from/to undefined when not zoomed). */
    serverRange(chart) {
      const x = this.serverAxis();
      const z = this.zoom;
      if (!z) {
        return { x };
      }
      const s = this.settings;
      if (s.xMode === 'step') {
        const from = Math.max(0, Math.floor(z.min));
        return { x, from, to: Math.max(from, Math.ceil(z.max)) };
      }
      if (s.xMode === 'time' || s.xMode === 'relative') {
        const base = s.xMode === 'relative' ? (Number.isFinite(this.t0) ? this.t0 : 0) : 0;
        return { x, from: Math.floor(z.min * 1000 + base), to: Math.ceil(z.max * 1000 + base) };
      }
      // x is another metric: the steps whose mapped x falls in the zoom, one more on each side
      let lo = Infinity;
      let hi = -Infinity;
      chart.series.forEach(series => {
        const p = series.page;
        if (!p || p.mode === 'missing') {
          return;
        }
        const sx = sourceX(p);
        const x2 = this.displayX(sx, p.axis);
        for (let i = 0; i < sx.length; i++) {
          if (x2[i] >= z.min && x2[i] <= z.max) {
            lo = Math.min(lo, i > 0 ? sx[i - 1] : sx[i]);
            hi = Math.max(hi, i + 1 < sx.length ? sx[i + 1] : sx[i]);
          }
        }
      });
      return Number.isFinite(lo) ? { x, from: Math.floor(lo), to: Math.ceil(hi) } : { x };
    }

    /** Called when a chart's pages changed: tracks the run's first timestamp for relative time. */
    notePages(chart) {
      if (this.settings.xMode !== 'relative') {
        return;
      }
      let t0 = this.t0;
      chart.series.forEach(s => {
        const p = s.page;
        if (p && p.axis === 'time' && Tora.api.pageSize(p) > 0 && !this.zoom) {
          t0 = Math.min(t0, p.mode === 'raw' ? p.timestamps[0] : p.xStart[0]);
        }
      });
      if (t0 < this.t0) {
        this.t0 = t0;
        this.charts.forEach(c => c !== chart && c.u && c.render('settings', performance.now()));
      }
    }

    async setX(value) {
      const s = this.settings;
      const before = this.serverAxis();
      if (value.startsWith('metric:')) {
        s.xMode = 'metric';
        s.xMetric = value.slice('metric:'.length);
      } else {
        s.xMode = value;
        s.xMetric = null;
      }
      if (s.xMode === 'time') {
        s.logX = false;
      }
      this.zoom = null;
      this.xTable = null;
      if (s.xMode === 'metric') {
        this.xSeries = new Series(s.xMetric);
        this.xReady = this.loadXSeries();
      } else {
        this.xSeries = null;
        this.xReady = Promise.resolve();
      }
      this.syncToolbar();
      const reload = before !== this.serverAxis() || s.xMode === 'metric';
      this.charts.forEach(c => {
        c.rebuild = true;
        if (reload || !c.loaded()) {
          c.load('x-axis');
        } else {
          c.render('x-axis', performance.now());
        }
      });
    }

    async loadXSeries() {
      const series = this.xSeries;
      let budget = 0;
      this.charts.forEach(c => {
        budget = Math.max(budget, c.budget());
      });
      try {
        series.page = await Tora.api.points(this.apiBase, this.experimentId, series.name,
          { x: 'step', points: Math.max(200, budget) });
        if (series === this.xSeries) {
          this.xTable = table(series.page);
        }
      } catch (e) {
        Tora.api.showError(this.toolbar, e);
      }
    }

    setLog(axis, on) {
      const s = this.settings;
      if (axis === 'x') {
        s.logX = on && s.xMode !== 'time';
      } else {
        s.logY = on;
      }
      this.syncToolbar();
      this.charts.forEach(c => {
        c.rebuild = true;
        if (c.loaded()) {
          c.render('log', performance.now());
        }
      });
    }

    setSmoothing(method, weight) {
      const s = this.settings;
      s.smoothing = method;
      s.weight = Math.max(0, Math.min(0.99, Number(weight) || 0));
      saveSettings(s);
      this.syncToolbar();
      this.charts.forEach(c => c.loaded() && c.render('smoothing', performance.now()));
    }

    // -- zoom --

    zoomTo(min, max) {
      if (!(max > min)) {
        return;
      }
      this.zoom = { min, max };
      this.syncToolbar();
      this.charts.forEach(c => c.load('zoom'));
      // the held points zoomed at once, while the re-queries run
      requestAnimationFrame(() => this.charts.forEach(c => {
        if (c.u && this.zoom && c.root.dataset.loading === 'true') {
          c.u.setScale('x', { min: this.zoom.min, max: this.zoom.max });
        }
      }));
    }

    resetZoom() {
      if (!this.zoom) {
        return;
      }
      this.zoom = null;
      this.syncToolbar();
      this.charts.forEach(c => c.load('reset'));
    }

    // -- live --

    startLive() {
      this.liveBadge.hidden = false;
      this.el.dataset.live = 'true';
      this.unsubscribe = Tora.live.subscribe([this.experimentId], evt => this.onLive(evt), { apiBase: this.apiBase });
    }

    stopLive() {
      if (this.unsubscribe) {
        this.unsubscribe();
        this.unsubscribe = null;
      }
      this.liveBadge.hidden = true;
      this.el.dataset.live = 'false';
    }

    onLive(evt) {
      if (!this.el.isConnected) {
        // the page replaced this grid's element
        this.destroy();
        return;
      }
      const now = performance.now();
      if (evt.type === 'metrics') {
        const names = evt.data.series.map(s => s.name);
        this.fillMetricOptions(names);
        this.charts.forEach(c => {
          if (c.metrics.some(m => names.includes(m))) {
            c.appendLive(now);
          }
        });
        if (this.xSeries && names.includes(this.xSeries.name)) {
          this.appendXSeries(now);
        }
      } else if (evt.type === 'experiment') {
        if (evt.data.deleted || (evt.data.status && evt.data.status !== 'running')) {
          this.stopLive();
        }
      } else if (evt.type === 'reconnect') {
        this.charts.forEach(c => c.appendLive(now));
      }
    }

    async appendXSeries(now) {
      const series = this.xSeries;
      if (!series.page) {
        return;
      }
      const q = series.newerQuery();
      try {
        const p = await Tora.api.points(this.apiBase, this.experimentId, series.name, { x: q.x, from: q.from, points: 2000 });
        if (series !== this.xSeries) {
          return;
        }
        if (!series.merge(p) || series.size() > 4000) {
          await this.loadXSeries();
        }
        this.xTable = table(series.page);
        this.charts.forEach(c => c.loaded() && c.render('live', now));
      } catch (e) {
        Tora.api.showError(this.toolbar, e);
      }
    }

    refreshTheme() {
      this.charts.forEach(c => {
        c.theme = theme(this.el);
        c.root.querySelectorAll('.tora-chart-swatch').forEach((sw, k) => {
          sw.style.background = c.colors[k % c.metrics.length](1);
        });
        if (c.u) {
          c.u.redraw(false, true);
        }
      });
    }

    destroy() {
      this.stopLive();
      document.removeEventListener('tora:themechange', this.themeListener);
      this.charts.forEach(c => c.destroy());
      this.charts.clear();
      this.el.replaceChildren();
      this.el.classList.remove('tora-chart-grid');
      if (this.el.toraGrid === this) {
        this.el.toraGrid = null;
      }
    }
  }

  /** (step, value) pairs of the x metric, finite values only, for interpolation. */
  function table(page) {
    if (!page || page.mode === 'missing') {
      return null;
    }
    const sx = sourceX(page);
    const y = page.mode === 'raw' ? page.values : page.mean;
    const xs = [];
    const ys = [];
    for (let i = 0; i < sx.length; i++) {
      if (Number.isFinite(y[i]) && (xs.length === 0 || sx[i] > xs[xs.length - 1])) {
        xs.push(sx[i]);
        ys.push(y[i]);
      }
    }
    return xs.length ? { xs, ys } : null;
  }

  /** Linear interpolation at step; NaN outside the table's steps. */
  function interpolate(t, step) {
    const xs = t.xs;
    const n = xs.length;
    if (!(step >= xs[0] && step <= xs[n - 1])) {
      return NaN;
    }
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (xs[mid] <= step) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    if (xs[lo] === step || hi === lo) {
      return t.ys[lo];
    }
    const f = (step - xs[lo]) / (xs[hi] - xs[lo]);
    return t.ys[lo] + f * (t.ys[hi] - t.ys[lo]);
  }

  /** Starts the grid the chartGrid component rendered, from its data attributes. */
  function mount(container) {
    const d = container.dataset;
    return new Grid(container, {
      apiBase: d.apiBase, experimentId: d.experimentId, live: d.live === 'true',
      metrics: (d.metrics || '').split(',').map(m => m.trim()).filter(m => m.length > 0)
    });
  }

  Tora.charts = {
    grid: (el, opts) => new Grid(el, opts),
    mount,
    timings,
    /** Redraws every grid with the theme now in force (also on a 'tora:themechange' event). */
    refreshTheme: () => document.querySelectorAll('.tora-chart-grid').forEach(g => g.toraGrid && g.toraGrid.refreshTheme()),
    util: { theme, palette, fmtNum, fmtDuration, fmtTime, csvField, record, el, interpolate, axisSize }
  };
})();
