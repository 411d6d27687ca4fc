(function () {
  'use strict';
  var CSS = /*@chattia-css*/"";
  window.ChattiaEmbed = window.ChattiaEmbed || { css: CSS };
})();
