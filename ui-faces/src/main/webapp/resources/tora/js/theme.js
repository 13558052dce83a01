/* Light (Saga) or dark (Arya) theme: the OS preference unless the user toggled, remembered per
   browser. Runs in <head> before the first paint so the page never flashes the other theme. */
(function () {
  'use strict';
  var KEY = 'tora.theme';
  var osDark = window.matchMedia('(prefers-color-scheme: dark)');

  function stored() {
    try {
      var v = window.localStorage.getItem(KEY);
      return v === 'light' || v === 'dark' ? v : null;
    } catch (e) {
      return null;
    }
  }

  function effective() {
    return stored() || (osDark.matches ? 'dark' : 'light');
  }

  function apply() {
    var choice = stored();
    var light = document.getElementById('tora-theme-light');
    var dark = document.getElementById('tora-theme-dark');
    if (light && dark) {
      light.media = choice ? (choice === 'light' ? 'all' : 'not all') : 'not all and (prefers-color-scheme: dark)';
      dark.media = choice ? (choice === 'dark' ? 'all' : 'not all') : '(prefers-color-scheme: dark)';
    }
    document.documentElement.setAttribute('data-theme', effective());
  }

  function toggle() {
    var next = effective() === 'dark' ? 'light' : 'dark';
    try {
      window.localStorage.setItem(KEY, next);
    } catch (e) {
      /* private mode: the toggle still works for this page */
    }
    changed();
  }

  /** Applies the theme and tells the charts, which draw with the theme's colours. */
  function changed() {
    apply();
    document.dispatchEvent(new CustomEvent('tora:themechange', {detail: effective()}));
  }

  window.Tora = window.Tora || {};
  window.Tora.theme = {current: effective, toggle: toggle};
  osDark.addEventListener('change', changed);
  apply();
})();
