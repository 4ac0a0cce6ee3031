/* Samspel: progressive enhancement only; every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

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

  /* "What I want my parents to know": built and shown on this device only. */
  document.querySelectorAll("[data-message-builder]").forEach(function (builder) {
    var output = builder.querySelector("[data-message-output]");
    var text = builder.querySelector("[data-message-text]");
    builder.querySelector(".js-only").hidden = false;
    builder.querySelector("[data-show-message]").addEventListener("click", function () {
      text.textContent = "";
      var sentences = [];
      builder.querySelectorAll("[data-sentence]:checked").forEach(function (box) { sentences.push(box.value); });
      var own = builder.querySelector("[data-own-words]").value.trim();
      if (own) { sentences.push(own); }
      sentences.forEach(function (sentence) {
        var p = document.createElement("p");
        p.textContent = sentence;
        text.appendChild(p);
      });
      output.hidden = false;
      document.body.classList.add("showing-message");
      output.setAttribute("tabindex", "-1");
      output.focus();
    });
    builder.querySelector("[data-edit-message]").addEventListener("click", function () {
      output.hidden = true;
      document.body.classList.remove("showing-message");
    });
  });
})();
