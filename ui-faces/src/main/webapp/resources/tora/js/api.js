/*
 * Tora.api: fetch helpers for the chart code. Decodes the API's columnar points into typed
 * arrays (the strings "NaN", "Infinity", "-Infinity" become JS numbers), queues requests so the
 * visible charts are asked for first, and turns every failure into a message a person can read.
 */
(function () {
  'use strict';

  const Tora = window.Tora = window.Tora || {};

  /** An API failure: HTTP status (0 when the server was not reached), the API's code and message. */
  class ApiError extends Error {
    constructor(status, code, message, details) {
      super(message);
      this.name = 'ApiError';
      this.status = status;
      this.code = code;
      this.details = details || {};
    }
  }

  const NON_FINITE = { 'NaN': NaN, 'Infinity': Infinity, '-Infinity': -Infinity };

  /** A JSON number, one of the three strings, or null (read as NaN) to a double. */
  function number(v) {
    if (typeof v === 'number') {
      return v;
    }
    if (v === null || v === undefined) {
      return NaN;
    }
    const special = NON_FINITE[v];
    return special === undefined ? NaN : special;
  }

  /** A JSON array of numbers / non-finite strings / nulls as a Float64Array. */
  function numbers(array) {
    const n = array ? array.length : 0;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = array[i];
      out[i] = typeof v === 'number' ? v : number(v);
    }
    return out;
  }

  /**
   * One page of points as typed arrays: {mode:'raw', steps, values, timestamps} or
   * {mode:'buckets', xStart, xEnd, count, min, max, first, last, mean, nonfinite}; 'missing' stays.
   */
  function decodePage(json, axis) {
    if (json.mode === 'raw') {
      return {
        mode: 'raw', axis, steps: numbers(json.steps), values: numbers(json.values),
        timestamps: numbers(json.timestamps)
      };
    }
    if (json.mode === 'buckets') {
      return {
        mode: 'buckets', axis, xStart: numbers(json.x_start), xEnd: numbers(json.x_end),
        count: numbers(json.count), min: numbers(json.min), max: numbers(json.max),
        first: numbers(json.first), last: numbers(json.last), mean: numbers(json.mean),
        nonfinite: numbers(json.nonfinite)
      };
    }
    return { mode: 'missing', axis };
  }

  /** Number of points (raw) or buckets in a page. */
  function pageSize(page) {
    if (!page) {
      return 0;
    }
    return page.mode === 'raw' ? page.steps.length : page.mode === 'buckets' ? page.xStart.length : 0;
  }

  // A small priority queue in front of fetch: the browser opens 6 connections per host and the
  // live stream holds one, so charts in view go first; the rest start only when no request of a
  // chart in view is running or waiting, so they do not take the server's time from those.
  const MAX_ACTIVE = 4;
  const waiting = [[], []];
  const running = [0, 0];

  function pump() {
    while (running[0] + running[1] < MAX_ACTIVE) {
      let job = waiting[0].shift();
      if (!job && running[0] === 0) {
        job = waiting[1].shift();
      }
      if (!job) {
        return;
      }
      if (job.signal && job.signal.aborted) {
        job.reject(abortError());
        continue;
      }
      running[job.priority]++;
      job.run().then(job.resolve, job.reject).finally(() => {
        running[job.priority]--;
        pump();
      });
    }
  }

  function abortError() {
    return new DOMException('The request was cancelled', 'AbortError');
  }

  function queued(run, priority, signal) {
    return new Promise((resolve, reject) => {
      const p = priority > 0 ? 1 : 0;
      waiting[p].push({ run, resolve, reject, signal, priority: p });
      pump();
    });
  }

  /** GET url as JSON; an error answer becomes an ApiError carrying the server's message. */
  async function getJson(url, options) {
    const o = options || {};
    return queued(async () => {
      let response;
      try {
        response = await fetch(url, {
          headers: { 'Accept': 'application/json' }, credentials: 'same-origin', signal: o.signal,
          // the page's address may be long (a comparison of 100 runs): the API has no use for it
          referrerPolicy: 'origin'
        });
      } catch (e) {
        if (e.name === 'AbortError') {
          throw e;
        }
        throw new ApiError(0, 'unreachable', 'The server could not be reached (' + e.message + ').');
      }
      const text = await response.text();
      let body = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch (notJson) {
        body = null;
      }
      if (!response.ok) {
        const err = body && body.error;
        throw new ApiError(response.status, err && err.code || 'http_' + response.status,
          err && err.message ? err.message : 'The server answered ' + response.status + ' '
            + (response.statusText || '') + '.', err && err.details);
      }
      if (!body || !('data' in body)) {
        throw new ApiError(response.status, 'malformed', 'The server sent an answer the page cannot read.');
      }
      return body.data;
    }, o.priority || 0, o.signal);
  }

  function query(params) {
    const parts = [];
    Object.keys(params).forEach(k => {
      const v = params[k];
      if (v !== undefined && v !== null && v !== '') {
        parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(v));
      }
    });
    return parts.length ? '?' + parts.join('&') : '';
  }

  /**
   * Points of one series: opts {x:'step'|'time', from, to, points, signal, priority}. A metric the
   * experiment has not logged (yet) is the page {mode:'missing'}.
   */
  async function points(apiBase, experimentId, name, opts) {
    const o = opts || {};
    const axis = o.x || 'step';
    const url = apiBase + '/experiments/' + encodeURIComponent(experimentId) + '/metrics/'
      + encodeURIComponent(name) + '/points' + query({ x: axis, from: o.from, to: o.to, points: o.points });
    try {
      return decodePage(await getJson(url, o), axis);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && e.details.resource === 'metric') {
        return { mode: 'missing', axis };
      }
      throw e;
    }
  }

  /** Experiments per comparison request: short URLs, and the server answers the parts in parallel. */
  const COMPARE_PART = 25;

  /** One metric of several experiments: [{experiment, name, page}] in the order asked. */
  async function comparePoints(apiBase, experimentIds, name, opts) {
    const o = opts || {};
    const axis = o.x || 'step';
    const parts = [];
    for (let i = 0; i < experimentIds.length; i += COMPARE_PART) {
      const ids = experimentIds.slice(i, i + COMPARE_PART);
      const url = apiBase + '/metrics/points' + query({ experiments: ids.join(','), name, x: axis, from: o.from,
        to: o.to, points: o.points }).replace(/%2C/g, ',');
      parts.push(getJson(url, o));
    }
    const answers = await Promise.all(parts);
    return [].concat(...answers).map(p => ({ experiment: p.experiment, name: p.name, page: decodePage(p, axis) }));
  }

  /** The experiment's series summaries (name, count, first_step, last_step, ...). */
  function summaries(apiBase, experimentId, opts) {
    return getJson(apiBase + '/experiments/' + encodeURIComponent(experimentId) + '/metrics', opts);
  }

  /** A readable sentence for any error. */
  function message(err) {
    if (!err) {
      return 'Something went wrong.';
    }
    if (err instanceof ApiError) {
      return err.message;
    }
    return err.message || String(err);
  }

  /** Shows err in el's message area (created on first use) with role=alert; null clears it. */
  function showError(el, err) {
    let box = el.querySelector(':scope > .tora-chart-error');
    if (err == null) {
      if (box) {
        box.remove();
      }
      return;
    }
    if (!box) {
      box = document.createElement('div');
      box.className = 'tora-chart-error';
      box.setAttribute('role', 'alert');
      el.appendChild(box);
    }
    box.textContent = message(err);
  }

  /** Saves blob as a file named filename through a temporary link. */
  function download(blob, filename) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  /** A file name made of safe characters. */
  function fileName(base, ext) {
    const clean = String(base).replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 120);
    return (clean || 'chart') + '.' + ext;
  }

  Tora.api = {
    ApiError, number, numbers, decodePage, pageSize, getJson, points, comparePoints, summaries,
    message, showError, download, fileName
  };
})();
