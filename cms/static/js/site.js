/* Samspel: progressive enhancement only; every page works without this file. */
(function () {
  "use strict";

  /* Leave quickly: replace this page so Back does not return to it. */
  function leave(url) {
    document.body.hidden = true;
    document.title = "";
    window.location.replace(url);
  }

  var exit = document.querySelector("[data-quick-exit]");
  if (exit) {
    exit.addEventListener("click", function (event) {
      event.preventDefault();
      leave(exit.href);
    });
    /* Shift pressed three times within three seconds also leaves. */
    var presses = [];
    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift") { return; }
      var now = Date.now();
      presses = presses.filter(function (t) { return now - t < 3000; });
      presses.push(now);
      if (presses.length >= 3) { leave(exit.href); }
    });
  }
})();
