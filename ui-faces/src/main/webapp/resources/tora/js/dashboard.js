/* The dashboard's column layout: after a header drag or a resize, tell the server the columns'
   order and widths (it stores them per workspace) instead of PrimeFaces' own request. */
(function () {
  'use strict';
  var Tora = window.Tora = window.Tora || {};

  function indexOf(th) {
    var m = /(?:^|\s)tora-col-(\d+)(?:\s|$)/.exec(th.className);
    return m ? parseInt(m[1], 10) : -1;
  }

  var SHOW_LAST = 'tora.dashboard.showLastColumn';
  var changed = false;
  var addedColumn = false;

  /** After a reload for an added column, the table is scrolled to its right end, where that column is. */
  window.addEventListener('load', function () {
    if (sessionStorage.getItem(SHOW_LAST)) {
      sessionStorage.removeItem(SHOW_LAST);
      // once the table widget has sized its columns (for up to a second of frames)
      var frames = 60;
      (function scrollWhenWide() {
        var body = document.querySelector('#dash\\:experiments .ui-datatable-scrollable-body');
        if (body && body.scrollWidth > body.clientWidth) {
          body.scrollLeft = body.scrollWidth;
        } else if (body && frames-- > 0) {
          requestAnimationFrame(scrollWhenWide);
        }
      })();
    }
  });

  Tora.dashboard = {
    /**
     * Notes that the column chooser changed the layout (the server has stored it). The table is
     * rebuilt from it by reloading the page when the chooser closes: PrimeFaces keeps the order
     * and widths of the columns a table was rendered with, and a column added to it in place can
     * stay unrendered.
     */
    columnsChanged: function (added) {
      changed = true;
      addedColumn = addedColumn || added;
    },

    reloadIfColumnsChanged: function () {
      if (!changed) {
        return;
      }
      if (addedColumn) {
        sessionStorage.setItem(SHOW_LAST, '1');
      }
      window.location.reload();
    },

    /** Sends [[index in the stored layout, width px], ...] left to right, then renumbers the headers. */
    saveLayout: function () {
      // PrimeFaces fires the behaviour before it finishes moving the header cells.
      setTimeout(function () {
        var heads = Array.prototype.filter.call(
          document.querySelectorAll('#dash\\:experiments thead th.tora-col'), function (th) { return indexOf(th) >= 0; });
        var layout = heads.map(function (th) { return [indexOf(th), Math.round(th.getBoundingClientRect().width)]; });
        window.toraArrangeColumns([{name: 'layout', value: JSON.stringify(layout)}]);
        heads.forEach(function (th, i) {
          th.className = th.className.replace(/(^|\s)tora-col-\d+(?=\s|$)/, '$1tora-col-' + i);
        });
      }, 0);
    }
  };
})();
