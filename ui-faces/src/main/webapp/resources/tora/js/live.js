/*
 * Tora.live: the tab's one Server-Sent Events stream. Every subscriber names the experiments it
 * follows; the stream is (re)opened with the union of their ids when that set changes (the new
 * stream opens before the old one closes, so nothing falls between them), and reopened with
 * backoff when the server drops or refuses it. Handlers get {type:'metrics'|'experiment', data}
 * for their experiments, and {type:'reconnect'} after a lost stream came back, so they can catch
 * up on what they missed.
 */
(function () {
  'use strict';

  const Tora = window.Tora = window.Tora || {};

  const subscribers = new Set();
  let apiBase = '/api';
  let source = null;
  let sourceKey = '';
  let pending = null;
  let retryTimer = null;
  let retryDelay = 1000;
  let syncQueued = false;
  let lost = false;
  const MAX_RETRY = 30000;

  function wantedIds() {
    const ids = new Set();
    subscribers.forEach(s => s.ids.forEach(id => ids.add(id)));
    return Array.from(ids).sort();
  }

  function dispatch(type, data) {
    subscribers.forEach(s => {
      if (type === 'reconnect' || s.ids.has(data.experiment)) {
        try {
          s.handler({ type, data });
        } catch (e) {
          console.error('Tora.live handler failed', e);
        }
      }
    });
  }

  function parse(e) {
    try {
      return JSON.parse(e.data);
    } catch (bad) {
      return null;
    }
  }

  function open(ids) {
    const key = ids.join(',');
    const es = new EventSource(apiBase + '/events?experiments=' + encodeURIComponent(key));
    let opened = false;
    es.addEventListener('open', () => {
      retryDelay = 1000;
      if (pending === es) {
        // the replacement is live: drop the stream it replaces
        if (source && source !== es) {
          source.close();
        }
        source = es;
        pending = null;
      }
      if (opened || lost) {
        dispatch('reconnect', null);
      }
      lost = false;
      opened = true;
      status.connected = true;
    });
    es.addEventListener('metrics', e => {
      const data = parse(e);
      if (data && es === source) {
        dispatch('metrics', data);
      }
    });
    es.addEventListener('experiment', e => {
      const data = parse(e);
      if (data && es === source) {
        dispatch('experiment', data);
      }
    });
    es.addEventListener('error', () => {
      if (es.readyState === EventSource.CLOSED) {
        // refused (e.g. 404 for an experiment just deleted) or not a stream: the browser gives up
        // on it, so we try again later ourselves
        status.connected = false;
        lost = true;
        if (source === es) {
          source = null;
          sourceKey = '';
        }
        if (pending === es) {
          pending = null;
        }
        scheduleRetry();
      } else {
        status.connected = false;
        status.reconnects++;
      }
    });
    return { es, key };
  }

  function scheduleRetry() {
    if (retryTimer) {
      return;
    }
    retryTimer = setTimeout(() => {
      retryTimer = null;
      sync();
    }, retryDelay);
    retryDelay = Math.min(MAX_RETRY, retryDelay * 2);
  }

  function sync() {
    syncQueued = false;
    const ids = wantedIds();
    const key = ids.join(',');
    if (ids.length === 0) {
      [source, pending].forEach(s => s && s.close());
      source = pending = null;
      sourceKey = '';
      status.connected = false;
      return;
    }
    if (key === sourceKey && (source || pending)) {
      return;
    }
    if (pending) {
      pending.close();
    }
    const opened = open(ids);
    sourceKey = opened.key;
    pending = opened.es;
    if (!source) {
      // nothing to keep alive meanwhile: this one is the stream from now on
      source = pending;
    }
    status.opens++;
  }

  function queueSync() {
    if (!syncQueued) {
      syncQueued = true;
      queueMicrotask(sync);
    }
  }

  /**
   * Follows experimentIds; handler({type, data}) is called for their events. options.apiBase
   * (default '/api') sets where the stream lives. Returns a function that ends the subscription.
   */
  function subscribe(experimentIds, handler, options) {
    if (options && options.apiBase) {
      apiBase = options.apiBase;
    }
    const sub = { ids: new Set(experimentIds), handler };
    subscribers.add(sub);
    queueSync();
    return function unsubscribe() {
      if (subscribers.delete(sub)) {
        queueSync();
      }
    };
  }

  /** State for tests and diagnostics: how many streams were opened, whether one is connected. */
  const status = { opens: 0, reconnects: 0, connected: false };

  Tora.live = {
    subscribe,
    status,
    /** The ids the open stream follows, comma-separated ('' when none). */
    streamKey: () => sourceKey
  };
})();
