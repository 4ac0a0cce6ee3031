/* Samspel: progressive enhancement only; every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  /* "Leave no trace": on a shared device every step inside the site replaces the
     current history entry, so Back after leaving never walks through Samspel's pages.
     Kept in this tab's sessionStorage only, which the browser forgets with the tab. */
  var NO_TRACE = "samspel-leave-no-trace";
  var leavingNow = false;
  function store() {
    try { return window.sessionStorage; } catch (error) { return null; }
  }
  function leaveNoTrace() {
    var s = store();
    return Boolean(s && s.getItem(NO_TRACE) === "1");
  }
  function setLeaveNoTrace(on) {
    var s = store();
    if (!s) { return; }
    if (on) { s.setItem(NO_TRACE, "1"); } else { s.removeItem(NO_TRACE); }
  }
  /* Pages that know the device is shared say so; choosing a mode in a form says which. */
  if (document.querySelector("[data-device-mode=shared]")) { setLeaveNoTrace(true); }
  document.addEventListener("submit", function (event) {
    var chosen = event.target.querySelector("input[name=device]:checked");
    if (chosen) { setLeaveNoTrace(chosen.value === "shared"); }
  }, true);
  document.querySelectorAll("[data-no-trace-toggle]").forEach(function (button) {
    var status = document.getElementById(button.dataset.noTraceToggle);
    function show() {
      var on = leaveNoTrace();
      button.setAttribute("aria-pressed", on ? "true" : "false");
      if (status) { status.textContent = on ? status.dataset.on : status.dataset.off; }
    }
    button.hidden = false;
    show();
    button.addEventListener("click", function () { setLeaveNoTrace(!leaveNoTrace()); show(); });
  });

  function sameOrigin(url) {
    return url.origin === window.location.origin;
  }
  document.addEventListener("click", function (event) {
    if (!leaveNoTrace() || event.defaultPrevented || event.button !== 0) { return; }
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    var link = event.target.closest("a[href]");
    if (!link || link.target || link.hasAttribute("download")) { return; }
    var url = new URL(link.href, window.location.href);
    if (!sameOrigin(url)) { return; }
    event.preventDefault();
    window.location.replace(url.href);
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!leaveNoTrace() || event.defaultPrevented || form.target) { return; }
    var url = new URL(form.action, window.location.href);
    if (!sameOrigin(url)) { return; }
    var data = new FormData(form, event.submitter);
    event.preventDefault();
    if (form.method.toLowerCase() === "get") {
      url.search = new URLSearchParams(data).toString();
      window.location.replace(url.href);
      return;
    }
    /* A form sent in the background: the page it leads to replaces this one, unless the
       parent has chosen to leave meanwhile: nothing may bring Samspel back after that. */
    window.fetch(url.href, { method: "POST", body: data, credentials: "same-origin" }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (leavingNow) {
        return;
      } else if (response.redirected) {
        window.location.replace(response.url);
      } else if (type.indexOf("text/html") === 0) {
        return response.text().then(function (html) {
          document.open();
          document.write(html);
          document.close();
        });
      } else {
        form.submit();
      }
    }, function () { if (!leavingNow) { form.submit(); } });
  });

  /* Leave quickly, after GOV.UK Frontend's "Exit this page": the button, or Shift
     pressed three times within five seconds with no other key between the presses,
     so Shift held for capitals never counts. */
  var exitComponent = document.querySelector("[data-quick-exit-component]");
  if (exitComponent) {
    var exit = exitComponent.querySelector("[data-quick-exit]");
    var indicator = exitComponent.querySelector("[data-quick-exit-indicator]");
    var status = exitComponent.querySelector("[data-quick-exit-status]");
    var WINDOW = 5000;
    var presses = 0;
    var timer = null;
    var cleanShift = false;

    var leave = function () {
      leavingNow = true;
      /* Other scripts (the lesson's unsaved-text warning) must not hold a parent back. */
      document.dispatchEvent(new Event("samspel:leaving"));
      var overlay = document.createElement("div");
      overlay.className = "quick-exit-overlay";
      overlay.setAttribute("role", "alert");
      overlay.textContent = exitComponent.dataset.leaving;
      document.body.appendChild(overlay);
      document.body.classList.add("leaving");
      document.title = exitComponent.dataset.leaving;
      window.location.replace(exit.href);
    };
    var show = function () {
      indicator.hidden = presses === 0;
      indicator.querySelectorAll("span").forEach(function (light, index) {
        light.classList.toggle("on", index < presses);
      });
    };
    var reset = function (announce) {
      if (timer) { window.clearTimeout(timer); timer = null; }
      if (presses && announce) { status.textContent = exitComponent.dataset.expired; }
      presses = 0;
      show();
    };

    exit.addEventListener("click", function (event) {
      event.preventDefault();
      leave();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Shift") {
        if (!event.repeat) { cleanShift = true; }
        return;
      }
      /* Any other key (a letter typed with Shift held, too) spoils the Shift press and the count. */
      cleanShift = false;
      if (presses) { reset(false); }
    }, true);
    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift" || !cleanShift || event.isComposing) { return; }
      cleanShift = false;
      presses += 1;
      show();
      if (timer) { window.clearTimeout(timer); }
      if (presses >= 3) {
        presses = 0;
        leave();
        return;
      }
      status.textContent = presses === 1 ? exitComponent.dataset.pressedOnce : exitComponent.dataset.pressedTwice;
      timer = window.setTimeout(function () { reset(true); }, WINDOW);
    }, true);
    /* A page restored from the back-forward cache after leaving starts afresh. */
    window.addEventListener("pageshow", function () {
      leavingNow = false;
      document.body.classList.remove("leaving");
      document.querySelectorAll(".quick-exit-overlay").forEach(function (overlay) { overlay.remove(); });
      reset(false);
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

  /* "What I want my parents to know": built and shown on this device only, and
     forgotten when the child leaves the page: Back and the browser's form restore
     bring none of it back. The feelings chosen are forgotten the same way. */
  var clearMessage = function (builder) {
    builder.querySelectorAll("[data-sentence]").forEach(function (box) { box.checked = false; });
    builder.querySelector("[data-own-words]").value = "";
    builder.querySelector("[data-message-text]").textContent = "";
    builder.querySelector("[data-message-output]").hidden = true;
    document.body.classList.remove("showing-message");
  };
  var forgetChildWords = function () {
    document.querySelectorAll("[data-message-builder]").forEach(function (builder) { clearMessage(builder); });
    document.querySelectorAll(".feeling-input:checked").forEach(function (input) { input.checked = false; });
    document.querySelectorAll("[data-feeling-feedback]").forEach(function (feedback) { feedback.replaceChildren(); });
  };
  window.addEventListener("pagehide", forgetChildWords);
  window.addEventListener("pageshow", function (event) { if (event.persisted) { forgetChildWords(); } });
  document.querySelectorAll("[data-message-builder]").forEach(function (builder) {
    var output = builder.querySelector("[data-message-output]");
    var text = builder.querySelector("[data-message-text]");
    builder.querySelectorAll(".js-only").forEach(function (element) { element.hidden = false; });
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
    builder.querySelector("[data-clear-message]").addEventListener("click", function () {
      clearMessage(builder);
      builder.querySelector("[data-own-words]").focus();
    });
  });
  /* The feelings check-in: the answer to each chosen feeling is put into the check-in's live
     region as it is chosen, so that a screen reader says it (only the new one). Without this
     script, the answers stay in the region and the stylesheet shows the chosen ones. */
  document.querySelectorAll("[data-feelings]").forEach(function (checkin) {
    var feedback = checkin.querySelector("[data-feeling-feedback]");
    var answers = Array.prototype.slice.call(feedback.querySelectorAll("[data-feeling]"));
    var inputs = {};
    checkin.querySelectorAll(".feeling-input").forEach(function (input) { inputs[input.value] = input; });
    var say = function () {
      var previous = null;
      answers.forEach(function (answer) {
        if (!inputs[answer.dataset.feeling].checked) {
          answer.remove();
          return;
        }
        if (answer.parentNode !== feedback) {
          feedback.insertBefore(answer, previous ? previous.nextSibling : feedback.firstChild);
        }
        previous = answer;
      });
    };
    say();
    checkin.addEventListener("change", say);
  });
  /* An error summary (GOV.UK's pattern) takes the focus, so that it is read first. */
  var errorSummary = document.querySelector("[data-error-summary]");
  if (errorSummary) { errorSummary.focus(); }
})();
