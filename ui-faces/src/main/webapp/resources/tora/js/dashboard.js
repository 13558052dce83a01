/* The dashboard's column layout: after a header drag or a resize, tell the server the columns'
   order and widths (it stores them per workspace) instead of PrimeFaces' own request. */
(function () {
  'use strict';
  var Tora = window.Tora = window.Tora || {};

  function indexOf(th) {
    var m = /(?:^|\s)tora-col-(\d+)(?:\s|$)/.exec(th.className);
    return m ? parseInt(m[1], 10) : -1;
  }

  Tora.dashboard = {
    /** Scrolls the table to its right end, where a column just added appears. */
    showLastColumn: function () {
      var body = document.querySelector('#dash\\:experiments .ui-datatable-scrollable-body');
      if (body) {
        body.scrollLeft = body.scrollWidth;
      }
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
