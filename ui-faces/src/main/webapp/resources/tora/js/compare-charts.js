/*
 * Tora.compareCharts: the comparison page's plots. Needs charts.js (theme, palette, timings).
 *
 *   compare(el, {apiBase, metric, experiments: [{id, name, url, group}], groupMode})
 *       one metric of up to 100 experiments on uPlot, a colour and a legend entry per experiment;
 *       groupMode draws each group's mean with its min-max band instead.
 *   parallel(el, {dimensions: [{key, label, values}], experiments: [{id, name, url}]})
 *       parallel coordinates on a canvas, one polyline per experiment, coloured by the last dimension.
 *   scatter(el, {x: {label, values}, y: {label, values}, experiments: [{id, name, url}]})
 *
 * Each returns a handle with destroy(); every element gets data-chart-state like the grid's charts.
 */
(function () {
  'use strict';

  const Tora = window.Tora = window.Tora || {};
  const U = () => Tora.charts.util;

  const COMPARE_HEIGHT = 320;
  const PLOT_HEIGHT = 340;

  // ---- compare: one metric, many experiments ----

  /** Source x (step, bucket midpoints), y (value or mean) of one page, or null. */
  function columns(page) {
    if (!page || page.mode === 'missing') {
      return null;
    }
    if (page.mode === 'raw') {
      return { sx: page.steps, y: page.values, points: page.steps.length };
    }
    const n = page.xStart.length;
    const sx = new Float64Array(n);
    let points = 0;
    for (let i = 0; i < n; i++) {
      sx[i] = (page.xStart[i] + page.xEnd[i]) / 2;
      points += page.count[i];
    }
    return { sx, y: page.mean, points };
  }

  /**
   * The shared x of all experiments: the union of their x values when that stays within a few
   * points per pixel, else `cells` equal cells over the whole range (at most half a pixel off).
   */
  function sharedX(cols, cells) {
    const seen = new Set();
    let lo = Infinity;
    let hi = -Infinity;
    let exact = true;
    cols.forEach(c => {
      if (!c) {
        return;
      }
      for (let i = 0; i < c.sx.length; i++) {
        const x = c.sx[i];
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
        if (exact) {
          seen.add(x);
          exact = seen.size <= cells * 4;
        }
      }
    });
    if (!Number.isFinite(lo)) {
      return { xs: new Float64Array(0), index: () => -1 };
    }
    if (exact) {
      const xs = Float64Array.from(seen).sort();
      const at = new Map();
      xs.forEach((x, i) => at.set(x, i));
      return { xs, index: x => at.get(x) };
    }
    const width = (hi - lo) / cells || 1;
    const xs = new Float64Array(cells);
    for (let i = 0; i < cells; i++) {
      xs[i] = lo + (i + 0.5) * width;
    }
    return { xs, index: x => Math.min(cells - 1, Math.max(0, Math.floor((x - lo) / width))) };
  }

  /** One experiment's values placed on the shared x: undefined where it has none, null for NaN/Inf. */
  function place(c, smoothed, shared, logY) {
    const n = shared.xs.length;
    const out = new Array(n);
    const sums = new Float64Array(n);
    const counts = new Uint32Array(n);
    const bad = new Uint8Array(n);
    for (let i = 0; i < c.sx.length; i++) {
      const k = shared.index(c.sx[i]);
      const v = smoothed[i];
      if (Number.isFinite(v) && !(logY && v <= 0)) {
        sums[k] += v;
        counts[k]++;
      } else {
        bad[k] = 1;
      }
    }
    for (let k = 0; k < n; k++) {
      out[k] = counts[k] > 0 ? sums[k] / counts[k] : bad[k] ? null : undefined;
    }
    return out;
  }

  /** One experiment's values at every shared x inside its own range, by linear interpolation. */
  function interpolated(c, smoothed, xs) {
    const px = [];
    const py = [];
    for (let i = 0; i < c.sx.length; i++) {
      if (Number.isFinite(smoothed[i])) {
        px.push(c.sx[i]);
        py.push(smoothed[i]);
      }
    }
    const out = new Float64Array(xs.length).fill(NaN);
    if (px.length === 0) {
      return out;
    }
    const t = { xs: px, ys: py };
    for (let k = 0; k < xs.length; k++) {
      out[k] = U().interpolate(t, xs[k]);
    }
    return out;
  }

  class Compare {
    constructor(root, opts) {
      if (root.toraPlot) {
        root.toraPlot.destroy();
      }
      this.root = root;
      root.toraPlot = this;
      this.apiBase = opts.apiBase || '/api';
      this.metric = opts.metric;
      this.experiments = (opts.experiments || []).slice(0, 100);
      this.groupMode = !!opts.groupMode;
      this.logY = false;
      this.smoothing = 'none';
      this.weight = 0.6;
      this.zoom = null;
      this.seq = 0;
      this.u = null;
      this.pages = null;
      this.theme = U().theme(root);
      this.syncKey = 'tora-compare-' + Math.random().toString(36).slice(2);
      root.classList.add('tora-compare');
      root.dataset.metric = this.metric;
      this.build();
      this.load('initial');
      this.resizer = new ResizeObserver(() => this.resized());
      this.resizer.observe(this.plotEl);
      this.themeListener = () => {
        this.theme = U().theme(this.root);
        if (this.pages) {
          this.render('theme', performance.now());
        }
      };
      document.addEventListener('tora:themechange', this.themeListener);
    }

    build() {
      const el = U().el;
      const root = this.root;
      root.replaceChildren();
      const head = el('header', { 'class': 'tora-chart-head' });
      head.append(el('h3', { 'class': 'tora-chart-title' }, this.metric));
      const bar = el('div', { 'class': 'tora-chart-actions', role: 'group', 'aria-label': 'Comparison options' });
      if (this.experiments.some(e => e.group != null && e.group !== '')) {
        this.groupButton = el('button', { type: 'button', 'class': 'tora-chart-toggle', 'data-control': 'group',
          'aria-pressed': String(this.groupMode) }, 'Group');
        this.groupButton.addEventListener('click', () => this.setGroupMode(!this.groupMode));
        bar.append(this.groupButton);
      }
      this.logButton = el('button', { type: 'button', 'class': 'tora-chart-toggle', 'data-control': 'logy',
        'aria-pressed': 'false' }, 'Log Y');
      this.logButton.addEventListener('click', () => this.setLogY(!this.logY));
      const sm = this.smoothSelect = el('select', { 'data-control': 'smoothing', 'aria-label': 'Smoothing' });
      [['none', 'No smoothing'], ['twema', 'Time-weighted EMA'], ['ema', 'EMA'], ['mean', 'Running mean']]
        .forEach(([v, label]) => sm.append(el('option', { value: v }, label)));
      sm.addEventListener('change', () => {
        this.smoothing = sm.value;
        this.render('smoothing', performance.now());
      });
      this.resetButton = el('button', { type: 'button', 'class': 'tora-chart-btn', 'data-control': 'reset',
        disabled: 'disabled' }, 'Reset zoom');
      this.resetButton.addEventListener('click', () => this.resetZoom());
      const png = el('button', { type: 'button', 'class': 'tora-chart-btn', 'data-action': 'png' }, 'PNG');
      png.addEventListener('click', () => this.downloadPng());
      bar.append(this.logButton, sm, this.resetButton, png);
      head.append(bar);
      this.note = el('p', { 'class': 'tora-chart-note' });
      this.plotEl = el('div', { 'class': 'tora-chart-plot' });
      this.plotEl.style.height = COMPARE_HEIGHT + 'px';
      this.msg = el('div', { 'class': 'tora-chart-msg', role: 'status' }, 'Loading\u2026');
      this.plotEl.append(this.msg);
      this.legend = el('div', { 'class': 'tora-compare-legend' });
      root.append(head, this.note, this.plotEl, this.legend);
      root.dataset.chartState = 'loading';
    }

    /** Pixels of the plotting area: the x grid the runs share. */
    width() {
      const w = this.u ? this.u.bbox.width / uPlot.pxRatio : (this.plotEl.clientWidth || 600) - 64;
      return Math.max(32, Math.min(10000, Math.round(w)));
    }

    /**
     * Points asked per run: the plot's width for up to 16 runs; beyond that the runs share about
     * 16 widths' worth (at least 200 each), since a hundred overlapping lines show no finer detail
     * and a zoom re-queries the narrower range at the same count.
     */
    budget() {
      const w = this.width();
      const n = Math.max(1, this.experiments.length);
      return Math.max(Math.min(w, 200), Math.min(w, Math.round(w * 16 / n)));
    }

    async load(reason) {
      const seq = ++this.seq;
      const start = performance.now();
      const z = this.zoom;
      this.root.dataset.loading = 'true';
      try {
        if (this.experiments.length === 0) {
          this.pages = [];
        } else {
          const answer = await Tora.api.comparePoints(this.apiBase, this.experiments.map(e => e.id), this.metric, {
            points: this.budget(),
            from: z ? Math.max(0, Math.floor(z.min)) : undefined, to: z ? Math.ceil(z.max) : undefined
          });
          if (seq !== this.seq) {
            return;
          }
          const byId = new Map(answer.map(a => [a.experiment, a.page]));
          this.pages = this.experiments.map(e => byId.get(e.id) || null);
        }
        this.root.dataset.loading = 'false';
        this.render(reason, start);
      } catch (e) {
        if (seq !== this.seq) {
          return;
        }
        this.root.dataset.loading = 'false';
        this.root.dataset.chartState = 'error';
        this.msg.hidden = false;
        this.msg.textContent = Tora.api.message(e);
        this.msg.setAttribute('role', 'alert');
        this.plotEl.append(this.msg);
      }
    }

    colors() {
      return this.experiments.map((e, i) => U().palette(i, this.theme.dark));
    }

    groups() {
      const order = [];
      const members = new Map();
      this.experiments.forEach((e, i) => {
        const g = e.group == null || e.group === '' ? '(no group)' : String(e.group);
        if (!members.has(g)) {
          members.set(g, []);
          order.push(g);
        }
        members.get(g).push(i);
      });
      return order.map(name => ({ name, members: members.get(name) }));
    }

    render(reason, start) {
      const cols = this.pages.map(columns);
      const cells = this.width();
      const shared = sharedX(cols, cells);
      const smooth = cols.map(c => c && Tora.smooth.apply(this.smoothing, c.sx, c.y, this.weight));
      const data = [shared.xs];
      const series = [{}];
      const bands = [];
      const legend = [];
      const th = this.theme;
      let missing = 0;
      let bucketed = 0;
      let total = 0;
      cols.forEach(c => {
        if (!c) {
          missing++;
        } else {
          total += c.points;
          if (c.points > c.sx.length) {
            bucketed++;
          }
        }
      });
      if (this.groupMode) {
        const groups = this.groups();
        groups.forEach((g, gi) => {
          const color = U().palette(gi, th.dark);
          const member = g.members.filter(i => cols[i]).map(i => interpolated(cols[i], smooth[i], shared.xs));
          const n = shared.xs.length;
          const lo = new Array(n);
          const hi = new Array(n);
          const mean = new Array(n);
          for (let k = 0; k < n; k++) {
            let s = 0;
            let c = 0;
            let a = Infinity;
            let b = -Infinity;
            member.forEach(m => {
              const v = m[k];
              if (Number.isFinite(v) && !(this.logY && v <= 0)) {
                s += v;
                c++;
                a = Math.min(a, v);
                b = Math.max(b, v);
              }
            });
            mean[k] = c ? s / c : undefined;
            lo[k] = c ? a : undefined;
            hi[k] = c ? b : undefined;
          }
          const base = series.length;
          series.push({ label: g.name + ' min', stroke: 'transparent', width: 0, points: { show: false } });
          series.push({ label: g.name + ' max', stroke: 'transparent', width: 0, points: { show: false } });
          series.push({ label: g.name, stroke: color(1), width: 2, points: { show: false } });
          bands.push({ series: [base + 1, base], fill: color(th.dark ? 0.25 : 0.18) });
          data.push(lo, hi, mean);
          legend.push({ label: g.name + ' (' + g.members.length + ' run' + (g.members.length === 1 ? '' : 's') + ')',
            color, series: base + 2, url: null });
        });
      } else {
        const colors = this.colors();
        this.experiments.forEach((e, i) => {
          const values = cols[i] ? place(cols[i], smooth[i], shared, this.logY) : new Array(shared.xs.length);
          series.push({ label: e.name || e.id, stroke: colors[i](1), width: 1.25, points: { show: false } });
          data.push(values);
          legend.push({ label: e.name || e.id, color: colors[i], series: series.length - 1, url: e.url });
        });
      }
      const notes = [];
      if (bucketed) {
        notes.push(bucketed + ' of ' + this.experiments.length + ' runs downsampled (mean of each bucket); '
          + total.toLocaleString('en-US') + ' points in range.');
      }
      if (missing) {
        notes.push(missing + ' run' + (missing === 1 ? ' has' : 's have') + ' no ' + this.metric + '.');
      }
      this.note.textContent = notes.join(' ');
      this.root.dataset.points = String(shared.xs.length);
      this.root.dataset.series = String(series.length - 1);
      this.root.dataset.groupMode = String(this.groupMode);
      this.pending = { reason, start, points: total };
      if (shared.xs.length === 0) {
        if (this.u) {
          this.u.destroy();
          this.u = null;
        }
        this.root.dataset.chartState = 'empty';
        this.msg.hidden = false;
        this.msg.textContent = 'None of these runs has points of ' + this.metric + (this.zoom ? ' in this range.' : '.');
        this.plotEl.append(this.msg);
        this.legend.replaceChildren();
        U().record({ chart: 'compare:' + this.metric, metric: this.metric, reason, start, end: performance.now(),
          points: 0, empty: true });
        return;
      }
      this.msg.hidden = true;
      this.create(data, series, bands);
      this.buildLegend(legend);
    }

    create(data, series, bands) {
      if (this.u) {
        this.u.destroy();
      }
      const th = () => this.theme;
      const font = '11px ' + this.theme.font;
      const axis = extra => Object.assign({
        stroke: () => th().text, grid: { stroke: () => th().grid, width: 1 }, ticks: { stroke: () => th().grid, width: 1 },
        font, values: (u, splits) => splits.map(U().fmtNum)
      }, extra);
      const opts = {
        width: Math.max(160, this.plotEl.clientWidth), height: COMPARE_HEIGHT,
        legend: { show: false }, padding: [10, 14, 0, 0],
        focus: { alpha: 0.25 },
        scales: { x: { time: false }, y: { distr: this.logY ? 3 : 1 } },
        axes: [axis({ label: 'step', labelSize: 18, labelFont: font }), axis({ size: U().axisSize })],
        series, bands,
        cursor: {
          drag: { x: true, y: false, setScale: false, dist: 4 },
          focus: { prox: 12 },
          bind: {
            dblclick: () => () => {
              this.resetZoom();
              return null;
            }
          },
          points: { size: 5 }
        },
        hooks: {
          drawClear: [() => {
            this.theme = U().theme(this.root);
          }],
          setSelect: [u => {
            if (u.select.width < 4) {
              return;
            }
            const min = u.posToVal(u.select.left, 'x');
            const max = u.posToVal(u.select.left + u.select.width, 'x');
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            this.zoomTo(min, max);
          }],
          setLegend: [() => this.updateLegend()],
          draw: [() => this.drawn()]
        }
      };
      this.u = new uPlot(opts, data, this.plotEl);
      if (this.zoom) {
        this.u.setScale('x', { min: this.zoom.min, max: this.zoom.max });
      }
    }

    drawn() {
      if (this.pending) {
        const p = this.pending;
        this.pending = null;
        U().record({ chart: 'compare:' + this.metric, metric: this.metric, reason: p.reason, start: p.start,
          end: performance.now(), points: p.points, series: this.u.series.length - 1 });
        this.root.dataset.chartState = 'drawn';
        this.updateLegend();
      }
    }

    buildLegend(items) {
      const el = U().el;
      this.legendItems = items;
      this.legend.replaceChildren();
      this.legendValues = items.map(item => {
        const row = el('div', { 'class': 'tora-compare-legend-item' });
        const swatch = el('span', { 'class': 'tora-chart-swatch', 'aria-hidden': 'true' });
        swatch.style.background = item.color(1);
        const name = item.url ? el('a', { href: item.url }, item.label) : el('span', {}, item.label);
        const value = el('span', { 'class': 'tora-compare-value' });
        row.append(swatch, name, value);
        const focus = on => this.u && this.u.setSeries(on ? item.series : null, { focus: on });
        row.addEventListener('mouseenter', () => focus(true));
        row.addEventListener('mouseleave', () => focus(false));
        this.legend.append(row);
        return value;
      });
    }

    updateLegend() {
      const u = this.u;
      if (!u || !this.legendValues) {
        return;
      }
      const idx = u.cursor.idx;
      this.legendItems.forEach((item, i) => {
        const col = u.data[item.series];
        let j = idx;
        if (j == null) {
          for (j = col.length - 1; j >= 0 && col[j] == null; j--) {
            // the last value drawn
          }
        } else if (u.cursor.idxs && u.cursor.idxs[item.series] != null) {
          j = u.cursor.idxs[item.series];
        }
        const v = j != null && j >= 0 ? col[j] : null;
        this.legendValues[i].textContent = v == null ? '' : U().fmtNum(v);
      });
    }

    setGroupMode(on) {
      this.groupMode = !!on;
      if (this.groupButton) {
        this.groupButton.setAttribute('aria-pressed', String(this.groupMode));
      }
      if (this.pages) {
        this.render('group', performance.now());
      }
    }

    setLogY(on) {
      this.logY = !!on;
      this.logButton.setAttribute('aria-pressed', String(this.logY));
      if (this.pages) {
        this.render('log', performance.now());
      }
    }

    zoomTo(min, max) {
      if (!(max > min)) {
        return;
      }
      this.zoom = { min, max };
      this.resetButton.disabled = false;
      this.root.dataset.zoomed = 'true';
      if (this.u) {
        this.u.setScale('x', { min, max });
      }
      this.load('zoom');
    }

    resetZoom() {
      if (!this.zoom) {
        return;
      }
      this.zoom = null;
      this.resetButton.disabled = true;
      this.root.dataset.zoomed = 'false';
      this.load('reset');
    }

    resized() {
      if (this.u && Math.abs(this.plotEl.clientWidth - this.u.width) >= 2) {
        this.u.setSize({ width: Math.max(160, this.plotEl.clientWidth), height: COMPARE_HEIGHT });
      }
    }

    downloadPng() {
      if (!this.u) {
        return;
      }
      const src = this.u.ctx.canvas;
      const r = src.width / this.u.width;
      const th = this.theme;
      const pad = Math.round(12 * r);
      const titleH = Math.round(24 * r);
      const c = document.createElement('canvas');
      c.width = src.width + 2 * pad;
      c.height = src.height + titleH + 2 * pad;
      const ctx = c.getContext('2d');
      ctx.fillStyle = th.surface;
      ctx.fillRect(0, 0, c.width, c.height);
      ctx.fillStyle = th.text;
      ctx.textBaseline = 'top';
      ctx.font = '600 ' + Math.round(14 * r) + 'px ' + th.font;
      ctx.fillText(this.metric + ' \u2013 ' + this.experiments.length + ' runs', pad, pad);
      ctx.drawImage(src, pad, pad + titleH);
      c.toBlob(blob => Tora.api.download(blob, Tora.api.fileName('compare-' + this.metric, 'png')), 'image/png');
    }

    destroy() {
      this.seq++;
      this.resizer.disconnect();
      document.removeEventListener('tora:themechange', this.themeListener);
      if (this.u) {
        this.u.destroy();
        this.u = null;
      }
      this.root.replaceChildren();
      this.root.toraPlot = null;
    }
  }

  // ---- canvas plots: parallel coordinates and scatter ----

  /** A scale for one dimension's values: numeric (linear) or categorical (evenly spaced). */
  function dimensionScale(values) {
    const present = values.filter(v => v !== null && v !== undefined && v !== '');
    const numeric = present.length > 0 && present.every(v => typeof v === 'number' && Number.isFinite(v));
    if (numeric) {
      let lo = Math.min(...present);
      let hi = Math.max(...present);
      if (lo === hi) {
        lo -= Math.abs(lo) * 0.1 || 1;
        hi += Math.abs(hi) * 0.1 || 1;
      }
      return {
        numeric: true, lo, hi,
        at: v => typeof v === 'number' && Number.isFinite(v) ? (v - lo) / (hi - lo) : null,
        ticks: () => [0, 0.25, 0.5, 0.75, 1].map(f => ({ f, label: U().fmtNum(lo + f * (hi - lo)) }))
      };
    }
    const cats = Array.from(new Set(present.map(String))).sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    const pos = new Map(cats.map((c, i) => [c, cats.length === 1 ? 0.5 : i / (cats.length - 1)]));
    return {
      numeric: false, cats,
      at: v => v === null || v === undefined || v === '' ? null : pos.get(String(v)),
      ticks: () => cats.map(c => ({ f: pos.get(c), label: c }))
    };
  }

  /** Viridis-like ramp from three anchors of our own choosing, t in [0, 1]. */
  function ramp(t, dark) {
    const a = dark ? [150, 110, 255] : [84, 40, 160];
    const b = dark ? [60, 200, 190] : [20, 140, 140];
    const c = dark ? [250, 220, 80] : [220, 160, 0];
    const [p, q, f] = t < 0.5 ? [a, b, t * 2] : [b, c, (t - 0.5) * 2];
    const mix = i => Math.round(p[i] + (q[i] - p[i]) * f);
    return 'rgb(' + mix(0) + ',' + mix(1) + ',' + mix(2) + ')';
  }

  function tooltipText(plot, i) {
    const e = plot.experiments[i];
    return (e.name || e.id) + plot.describe(i);
  }

  /** What parallel and scatter share: canvas, resize, hover, click, keyboard, tooltip. */
  class CanvasPlot {
    constructor(root, opts, kind) {
      if (root.toraPlot) {
        root.toraPlot.destroy();
      }
      this.root = root;
      root.toraPlot = this;
      this.kind = kind;
      this.experiments = opts.experiments || [];
      this.hover = -1;
      const el = U().el;
      root.classList.add('tora-plot');
      root.replaceChildren();
      this.canvas = el('canvas', { tabindex: '0', role: 'img' });
      this.canvas.style.height = PLOT_HEIGHT + 'px';
      this.tip = el('div', { 'class': 'tora-plot-tip', hidden: 'hidden' });
      this.caption = el('p', { 'class': 'tora-plot-caption' });
      root.append(this.canvas, this.tip, this.caption);
      root.dataset.chartState = 'loading';
      this.canvas.addEventListener('mousemove', e => this.moved(e));
      this.canvas.addEventListener('mouseleave', () => this.setHover(-1));
      this.canvas.addEventListener('click', e => this.clicked(e));
      this.canvas.addEventListener('keydown', e => this.key(e));
      this.canvas.addEventListener('blur', () => this.setHover(-1));
      this.resizer = new ResizeObserver(() => this.draw('resize'));
      this.resizer.observe(root);
      this.themeListener = () => this.draw('theme');
      document.addEventListener('tora:themechange', this.themeListener);
    }

    size() {
      const w = Math.max(200, this.canvas.clientWidth || this.root.clientWidth - 16);
      const h = PLOT_HEIGHT;
      const r = window.devicePixelRatio || 1;
      if (this.canvas.width !== Math.round(w * r) || this.canvas.height !== Math.round(h * r)) {
        this.canvas.width = Math.round(w * r);
        this.canvas.height = Math.round(h * r);
      }
      return { w, h, r };
    }

    draw(reason) {
      const start = performance.now();
      const { w, h, r } = this.size();
      this.theme = U().theme(this.root);
      const ctx = this.canvas.getContext('2d');
      ctx.setTransform(r, 0, 0, r, 0, 0);
      ctx.clearRect(0, 0, w, h);
      ctx.font = '11px ' + this.theme.font;
      ctx.textBaseline = 'middle';
      this.paint(ctx, w, h);
      this.root.dataset.chartState = this.experiments.length ? 'drawn' : 'empty';
      U().record({ chart: this.kind, metric: this.kind, reason, start, end: performance.now(),
        points: this.experiments.length });
    }

    moved(e) {
      const rect = this.canvas.getBoundingClientRect();
      this.setHover(this.hit(e.clientX - rect.left, e.clientY - rect.top), e.clientX - rect.left, e.clientY - rect.top);
    }

    setHover(i, mx, my) {
      const changed = i !== this.hover;
      this.hover = i;
      this.canvas.classList.toggle('tora-plot-link', i >= 0 && !!(this.experiments[i] && this.experiments[i].url));
      if (i < 0) {
        this.tip.hidden = true;
      } else {
        const p = mx === undefined ? this.positionOf(i) : { x: mx, y: my };
        this.tip.textContent = tooltipText(this, i);
        this.tip.hidden = false;
        const left = Math.min(p.x + 14, Math.max(0, this.canvas.clientWidth - 240));
        this.tip.style.left = (left + this.canvas.offsetLeft) + 'px';
        this.tip.style.top = (p.y + this.canvas.offsetTop + 12) + 'px';
      }
      this.root.dataset.hover = i >= 0 ? this.experiments[i].id : '';
      if (changed) {
        this.draw('hover');
      }
    }

    clicked(e) {
      const rect = this.canvas.getBoundingClientRect();
      this.open(this.hit(e.clientX - rect.left, e.clientY - rect.top));
    }

    open(i) {
      const target = i >= 0 && this.experiments[i] && this.experiments[i].url;
      if (target) {
        window.location.assign(target);
      }
    }

    key(e) {
      const n = this.experiments.length;
      if (!n) {
        return;
      }
      if (e.key === 'ArrowDown' || e.key === 'ArrowRight') {
        this.setHover((this.hover + 1) % n);
      } else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') {
        this.setHover(this.hover <= 0 ? n - 1 : this.hover - 1);
      } else if (e.key === 'Enter') {
        this.open(this.hover);
      } else if (e.key === 'Escape') {
        this.setHover(-1);
      } else {
        return;
      }
      e.preventDefault();
    }

    destroy() {
      this.resizer.disconnect();
      document.removeEventListener('tora:themechange', this.themeListener);
      this.root.replaceChildren();
      this.root.toraPlot = null;
    }
  }

  class Parallel extends CanvasPlot {
    constructor(root, opts) {
      super(root, opts, 'parallel');
      this.dimensions = (opts.dimensions || []).filter(d => d && Array.isArray(d.values));
      this.scales = this.dimensions.map(d => dimensionScale(d.values));
      this.canvas.setAttribute('aria-label', 'Parallel coordinates of ' + this.dimensions.map(d => d.label || d.key)
        .join(', ') + '; arrow keys choose an experiment, Enter opens it');
      const last = this.dimensions[this.dimensions.length - 1];
      this.caption.textContent = last ? 'Coloured by ' + (last.label || last.key)
        + '. Hover a line to see the run, click to open it.' : 'No dimensions chosen.';
      this.draw('initial');
    }

    layout(w, h) {
      const left = 48;
      const right = 64;
      const top = 34;
      const bottom = 34;
      const n = this.dimensions.length;
      const xs = this.dimensions.map((d, i) => n === 1 ? w / 2 : left + i * (w - left - right) / (n - 1));
      return { xs, top, bottom: h - bottom, na: h - bottom + 16 };
    }

    /** Canvas position (CSS px) of experiment i on axis a. */
    vertex(L, a, i) {
      const f = this.scales[a].at(this.dimensions[a].values[i]);
      return { x: L.xs[a], y: f === null || f === undefined ? L.na : L.bottom - f * (L.bottom - L.top) };
    }

    color(i) {
      const last = this.scales.length - 1;
      if (last < 0) {
        return this.theme.primary;
      }
      const f = this.scales[last].at(this.dimensions[last].values[i]);
      if (f === null || f === undefined) {
        return this.theme.muted;
      }
      return this.scales[last].numeric ? ramp(f, this.theme.dark)
        : U().palette(this.scales[last].cats.indexOf(String(this.dimensions[last].values[i])), this.theme.dark)(1);
    }

    paint(ctx, w, h) {
      const th = this.theme;
      const L = this.L = this.layout(w, h);
      const n = this.experiments.length;
      const lineOf = i => {
        ctx.beginPath();
        this.dimensions.forEach((d, a) => {
          const p = this.vertex(L, a, i);
          if (a === 0) {
            ctx.moveTo(p.x, p.y);
          } else {
            ctx.lineTo(p.x, p.y);
          }
        });
        ctx.stroke();
      };
      ctx.lineWidth = 1.5;
      ctx.globalAlpha = this.hover >= 0 ? 0.25 : 0.85;
      for (let i = 0; i < n; i++) {
        if (i !== this.hover) {
          ctx.strokeStyle = this.color(i);
          lineOf(i);
        }
      }
      ctx.globalAlpha = 1;
      // axes over the lines, so their ticks stay readable
      ctx.strokeStyle = th.text;
      ctx.fillStyle = th.text;
      ctx.lineWidth = 1;
      this.dimensions.forEach((d, a) => {
        const x = L.xs[a];
        ctx.beginPath();
        ctx.moveTo(x, L.top);
        ctx.lineTo(x, L.bottom);
        ctx.stroke();
        ctx.textAlign = a === 0 ? 'left' : a === this.dimensions.length - 1 ? 'right' : 'center';
        ctx.font = '600 12px ' + th.font;
        ctx.fillText(d.label || d.key, x, L.top - 20);
        ctx.font = '11px ' + th.font;
        ctx.textAlign = a === this.dimensions.length - 1 ? 'right' : 'left';
        const ticks = this.scales[a].ticks();
        const every = Math.max(1, Math.ceil(ticks.length / 8));
        ticks.forEach((t, k) => {
          if (k % every !== 0 && k !== ticks.length - 1) {
            return;
          }
          const y = L.bottom - t.f * (L.bottom - L.top);
          ctx.beginPath();
          ctx.moveTo(x - 3, y);
          ctx.lineTo(x + 3, y);
          ctx.stroke();
          const label = t.label.length > 16 ? t.label.slice(0, 15) + '\u2026' : t.label;
          ctx.fillText(label, a === this.dimensions.length - 1 ? x - 5 : x + 5, y);
        });
        if (d.values.some(v => v === null || v === undefined || v === '')) {
          ctx.fillStyle = th.muted;
          ctx.fillText('n/a', a === this.dimensions.length - 1 ? x - 5 : x + 5, L.na);
          ctx.fillStyle = th.text;
        }
      });
      if (this.hover >= 0) {
        ctx.lineWidth = 3;
        ctx.strokeStyle = this.color(this.hover);
        lineOf(this.hover);
      }
    }

    positionOf(i) {
      const L = this.L || this.layout(this.canvas.clientWidth, PLOT_HEIGHT);
      return this.vertex(L, this.dimensions.length - 1, i);
    }

    /** The experiment whose line passes nearest (within 8 px) to (mx, my), or -1. */
    hit(mx, my) {
      const L = this.L;
      if (!L || this.dimensions.length === 0) {
        return -1;
      }
      let best = -1;
      let bestD = 8;
      for (let i = 0; i < this.experiments.length; i++) {
        let d;
        if (this.dimensions.length === 1) {
          const p = this.vertex(L, 0, i);
          d = Math.hypot(mx - p.x, my - p.y);
        } else {
          let a = 0;
          while (a < L.xs.length - 2 && mx > L.xs[a + 1]) {
            a++;
          }
          const p = this.vertex(L, a, i);
          const q = this.vertex(L, a + 1, i);
          d = segmentDistance(mx, my, p, q);
        }
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
      return best;
    }

    describe(i) {
      return this.dimensions.map(d => '\n' + (d.label || d.key) + ': ' + show(d.values[i])).join('');
    }
  }

  function show(v) {
    if (v === null || v === undefined || v === '') {
      return 'n/a';
    }
    return typeof v === 'number' ? U().fmtNum(v) : String(v);
  }

  function segmentDistance(mx, my, p, q) {
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const len = dx * dx + dy * dy;
    const t = len ? Math.max(0, Math.min(1, ((mx - p.x) * dx + (my - p.y) * dy) / len)) : 0;
    return Math.hypot(mx - (p.x + t * dx), my - (p.y + t * dy));
  }

  class Scatter extends CanvasPlot {
    constructor(root, opts) {
      super(root, opts, 'scatter');
      this.x = opts.x || { label: 'x', values: [] };
      this.y = opts.y || { label: 'y', values: [] };
      this.sx = dimensionScale(this.x.values);
      this.sy = dimensionScale(this.y.values);
      this.canvas.setAttribute('aria-label', 'Scatter plot of ' + this.y.label + ' against ' + this.x.label
        + '; arrow keys choose an experiment, Enter opens it');
      const hidden = this.experiments.filter((e, i) => this.sx.at(this.x.values[i]) == null
        || this.sy.at(this.y.values[i]) == null).length;
      this.caption.textContent = (hidden ? hidden + ' run' + (hidden === 1 ? '' : 's') + ' without both values not shown. '
        : '') + 'Hover a point to see the run, click to open it.';
      this.draw('initial');
    }

    frame(w, h) {
      return { left: 84, right: w - 16, top: 14, bottom: h - 40 };
    }

    pos(F, i) {
      const fx = this.sx.at(this.x.values[i]);
      const fy = this.sy.at(this.y.values[i]);
      if (fx == null || fy == null) {
        return null;
      }
      // categories: spread points that share a value a little, deterministically
      const jitter = this.sx.numeric ? 0 : ((i * 7) % 5 - 2) * 3;
      return { x: F.left + fx * (F.right - F.left) + jitter, y: F.bottom - fy * (F.bottom - F.top) };
    }

    paint(ctx, w, h) {
      const th = this.theme;
      const F = this.F = this.frame(w, h);
      ctx.strokeStyle = th.grid;
      ctx.fillStyle = th.text;
      ctx.lineWidth = 1;
      ctx.textAlign = 'right';
      this.sy.ticks().forEach(t => {
        const y = F.bottom - t.f * (F.bottom - F.top);
        ctx.beginPath();
        ctx.moveTo(F.left, y);
        ctx.lineTo(F.right, y);
        ctx.stroke();
        ctx.fillText(t.label.length > 10 ? t.label.slice(0, 9) + '\u2026' : t.label, F.left - 6, y);
      });
      ctx.textAlign = 'center';
      const xt = this.sx.ticks();
      const every = Math.max(1, Math.ceil(xt.length / 8));
      xt.forEach((t, k) => {
        if (k % every !== 0 && k !== xt.length - 1) {
          return;
        }
        const x = F.left + t.f * (F.right - F.left);
        ctx.beginPath();
        ctx.moveTo(x, F.top);
        ctx.lineTo(x, F.bottom);
        ctx.stroke();
        ctx.fillText(t.label.length > 14 ? t.label.slice(0, 13) + '\u2026' : t.label, x, F.bottom + 12);
      });
      ctx.font = '600 12px ' + th.font;
      ctx.fillText(this.x.label, (F.left + F.right) / 2, F.bottom + 30);
      ctx.save();
      ctx.translate(12, (F.top + F.bottom) / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.fillText(this.y.label, 0, 0);
      ctx.restore();
      for (let i = 0; i < this.experiments.length; i++) {
        const p = this.pos(F, i);
        if (!p) {
          continue;
        }
        const on = i === this.hover;
        ctx.beginPath();
        ctx.arc(p.x, p.y, on ? 7 : 4.5, 0, Math.PI * 2);
        ctx.globalAlpha = this.hover >= 0 && !on ? 0.45 : 0.9;
        ctx.fillStyle = th.primary;
        ctx.fill();
        if (on) {
          ctx.strokeStyle = th.text;
          ctx.lineWidth = 2;
          ctx.stroke();
        }
      }
      ctx.globalAlpha = 1;
    }

    positionOf(i) {
      const F = this.F || this.frame(this.canvas.clientWidth, PLOT_HEIGHT);
      return this.pos(F, i);
    }

    hit(mx, my) {
      if (!this.F) {
        return -1;
      }
      let best = -1;
      let bestD = 9;
      for (let i = 0; i < this.experiments.length; i++) {
        const p = this.pos(this.F, i);
        if (p) {
          const d = Math.hypot(mx - p.x, my - p.y);
          if (d < bestD) {
            bestD = d;
            best = i;
          }
        }
      }
      return best;
    }

    describe(i) {
      return '\n' + this.x.label + ': ' + show(this.x.values[i]) + '\n' + this.y.label + ': ' + show(this.y.values[i]);
    }
  }

  /** Reads a JSON data attribute; a malformed one is shown as the element's error. */
  function dataJson(el, name, fallback) {
    const text = el.getAttribute('data-' + name);
    if (!text) {
      return fallback;
    }
    try {
      return JSON.parse(text);
    } catch (e) {
      el.dataset.chartState = 'error';
      Tora.api.showError(el, new Error('The ' + name + ' of this plot are not valid JSON.'));
      throw e;
    }
  }

  /** Starts the plot a compareChart, parallelPlot or scatterPlot component rendered. */
  function mount(el) {
    const experiments = dataJson(el, 'experiments', []);
    switch (el.dataset.plot) {
      case 'compare':
        return new Compare(el, { apiBase: el.dataset.apiBase, metric: el.dataset.metric, experiments,
          groupMode: el.dataset.groupMode === 'true' });
      case 'parallel':
        return new Parallel(el, { dimensions: dataJson(el, 'dimensions', []), experiments });
      case 'scatter':
        return new Scatter(el, { x: dataJson(el, 'x', null), y: dataJson(el, 'y', null), experiments });
      default:
        throw new Error('unknown plot ' + el.dataset.plot);
    }
  }

  Tora.compareCharts = {
    compare: (el, opts) => new Compare(el, opts),
    mount,
    parallel: (el, opts) => new Parallel(el, opts),
    scatter: (el, opts) => new Scatter(el, opts),
    dataJson,
    get timings() {
      return Tora.charts.timings;
    }
  };
})();
