/* Small behaviours every page shares: copy buttons, times shown in the browser's time zone, the Tab order. */
(function () {
  'use strict';
  var Tora = window.Tora = window.Tora || {};

  /** Copies the text of an input to the clipboard; the button says when it is done. */
  Tora.copy = function (input, button) {
    var done = function () {
      var label = button && button.querySelector('.ui-button-text');
      if (label) {
        label.textContent = 'Copied';
        setTimeout(function () { label.textContent = 'Copy'; }, 2000);
      }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { input.select(); });
    } else {
      input.select();
      document.execCommand('copy');
      done();
    }
  };

  /** Rewrites <time datetime> elements rendered in UTC to local time. */
  Tora.localTimes = function (root) {
    (root || document).querySelectorAll('time[datetime]').forEach(function (t) {
      var d = new Date(t.getAttribute('datetime'));
      if (!isNaN(d.getTime()) && !t.hasAttribute('data-local')) {
        t.setAttribute('data-local', '');
        t.title = t.textContent;
        t.textContent = d.toLocaleString();
      }
    });
  };

  /**
   * Takes the invisible header copies that PrimeFaces puts in a scrollable table's body (to keep
   * column widths in step) out of the Tab order: a keyboard user would land on cells of zero height.
   */
  Tora.untabHeaderClones = function (root) {
    (root || document).querySelectorAll('.ui-datatable-scrollable-body th[tabindex]')
      .forEach(function (th) { th.tabIndex = -1; });
  };

  var refresh = function () {
    Tora.localTimes();
    Tora.untabHeaderClones();
  };
  document.addEventListener('DOMContentLoaded', refresh);
  if (window.jQuery) {
    jQuery(document).on('pfAjaxComplete', refresh);
  }
})();
