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

  /* Copy and print buttons appear only when they can work. */
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = document.getElementById(button.dataset.copy).textContent.trim();
      var status = document.querySelector(".copy-status");
      navigator.clipboard.writeText(text).then(function () {
        if (status) { status.textContent = status.dataset.copiedText; }
      });
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
