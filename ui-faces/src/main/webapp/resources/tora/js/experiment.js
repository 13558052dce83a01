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
    }
  };
})();
