/*
 * Tora.smooth: smoothing for metric lines. Every function returns a Float64Array as long as its
 * input; a non-finite input yields NaN at its own index and is otherwise ignored, so one NaN in a
 * diverging run does not poison the rest of the line.
 *
 * ema(ys, w):  debiased exponential moving average, s_i = sum_k w^k y_(i-k) / sum_k w^k over the
 *              finite values so far (the same curve TensorBoard draws; no bias towards 0 at the start).
 * twema(xs, ys, w): the same average with the decay of each step scaled by how far apart the
 *              points lie on x: a gap of dx decays by w^(dx / u), u = (x range) / 1000. On 1,000
 *              evenly spaced points it equals ema(ys, w); on 300 buckets or 10,000 raw points over
 *              the same range it draws the same curve, so zooming and downsampling do not change it.
 * runningMean(ys, n): mean of the finite values among the last n positions (trailing window).
 */
(function () {
  'use strict';

  const Tora = window.Tora = window.Tora || {};

  /** Steps of the reference spacing that span the x range in twema. */
  const REFERENCE_POINTS = 1000;

  function clampWeight(weight) {
    const w = Number(weight);
    if (!(w > 0)) {
      return 0;
    }
    return Math.min(w, 0.999);
  }

  function ema(ys, weight) {
    const w = clampWeight(weight);
    const n = ys.length;
    const out = new Float64Array(n);
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      const y = ys[i];
      if (!Number.isFinite(y)) {
        out[i] = NaN;
        continue;
      }
      num = num * w + y;
      den = den * w + 1;
      out[i] = num / den;
    }
    return out;
  }

  function twema(xs, ys, weight) {
    const w = clampWeight(weight);
    const n = ys.length;
    const out = new Float64Array(n);
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      if (Number.isFinite(ys[i]) && Number.isFinite(xs[i])) {
        lo = Math.min(lo, xs[i]);
        hi = Math.max(hi, xs[i]);
      }
    }
    const unit = hi > lo ? (hi - lo) / REFERENCE_POINTS : 1;
    let num = 0;
    let den = 0;
    let prevX = NaN;
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      const y = ys[i];
      if (!Number.isFinite(y) || !Number.isFinite(x)) {
        out[i] = NaN;
        continue;
      }
      const decay = Number.isNaN(prevX) ? 0 : Math.pow(w, Math.abs(x - prevX) / unit);
      num = num * decay + y;
      den = den * decay + 1;
      out[i] = num / den;
      prevX = x;
    }
    return out;
  }

  function runningMean(ys, window) {
    const size = Math.max(1, Math.floor(Number(window) || 1));
    const n = ys.length;
    const out = new Float64Array(n);
    let sum = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const y = ys[i];
      if (Number.isFinite(y)) {
        sum += y;
        count++;
      }
      const leaving = i - size;
      if (leaving >= 0 && Number.isFinite(ys[leaving])) {
        sum -= ys[leaving];
        count--;
      }
      out[i] = Number.isFinite(y) && count > 0 ? sum / count : NaN;
    }
    return out;
  }

  /** No smoothing: a copy with non-finite values as NaN. */
  function none(ys) {
    const out = Float64Array.from(ys);
    for (let i = 0; i < out.length; i++) {
      if (!Number.isFinite(out[i])) {
        out[i] = NaN;
      }
    }
    return out;
  }

  /** The running-mean window the shared 0-0.99 slider stands for: 1 to 100 points. */
  function windowFor(weight) {
    return 1 + Math.round(clampWeight(weight) * 100);
  }

  /** Applies method 'twema' | 'ema' | 'mean' | 'none' with the slider's weight. */
  function apply(method, xs, ys, weight) {
    switch (method) {
      case 'twema': return twema(xs, ys, weight);
      case 'ema': return ema(ys, weight);
      case 'mean': return runningMean(ys, windowFor(weight));
      default: return none(ys);
    }
  }

  Tora.smooth = { ema, twema, runningMean, none, apply, windowFor };
})();
