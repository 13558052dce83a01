/* The experiment page: the metric table's selection chooses the charts of the grid. */
(function () {
  'use strict';
  var Tora = window.Tora = window.Tora || {};
  Tora.experimentPage = {
    /** After a selection change: args.metrics is the comma-separated list of chosen metrics. */
    charts: function (args) {
      var grid = document.getElementById('charts');
      if (grid && grid.toraGrid && args && typeof args.metrics === 'string') {
        grid.toraGrid.setMetrics(args.metrics ? args.metrics.split(',') : []);
      }
    },

    /** Adds one chart with every ticked metric overlaid (two at least). */
    overlay: function () {
      var grid = document.getElementById('charts');
      var table = window.PF && PF('metricsTable');
      var names = table && table.selection ? table.selection.slice() : [];
      if (grid && grid.toraGrid && names.length >= 2) {
        grid.toraGrid.addOverlay(names);
      } else if (window.PF && PF('messages')) {
        PF('messages').renderMessage({summary: 'Tick two metrics or more to overlay them', severity: 'info'});
      }
    }
  };
})();
