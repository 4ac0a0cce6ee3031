/* Samspel lesson pages: nothing typed is lost. Progressive enhancement only. */
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("textarea[data-limit]"));
  var lang = document.documentElement.lang;

  /* A counter that warns before the limit; the server refuses a longer answer and keeps it. */
  boxes.forEach(function (box) {
    var limit = Number(box.dataset.limit);
    var section = box.closest("section");
    var counter = section.querySelector("[data-counter]");
    var status = section.querySelector("[data-counter-status]");
    var announced = "";
    var update = function () {
      var left = limit - box.value.length;
      var over = left < 0;
      counter.textContent = over
        ? counter.dataset.over.replace("%(over)s", (-left).toLocaleString(lang))
        : counter.dataset.left.replace("%(left)s", left.toLocaleString(lang));
      counter.classList.toggle("over", over);
      /* Screen readers hear it only when it matters: near the limit, and past it. */
      var state = over ? "over" : left <= limit / 10 ? "near" : "";
      if (state !== announced) {
        announced = state;
        status.textContent = state ? counter.textContent : "";
      }
    };
    box.addEventListener("input", update);
    if (box.value) { update(); }
  });

  /* Leaving with text that is not saved asks first, except through the lesson's own form
     (it saves everything) and never when the parent leaves quickly. */
  var guarded = true;
  document.addEventListener("samspel:leaving", function () { guarded = false; });
  document.addEventListener("submit", function (event) {
    if (event.target.id === "lesson-form") { guarded = false; }
  }, true);
  window.addEventListener("pageshow", function () { guarded = true; });
  window.addEventListener("beforeunload", function (event) {
    var unsaved = boxes.some(function (box) { return box.value !== box.defaultValue; });
    if (guarded && unsaved) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  /* "Your answer is saved" is read out where it appears. */
  var saved = document.querySelector("[data-saved-note]");
  if (saved) { saved.focus(); }

  /* A dilemma for a reader without a code: chosen here, shown here, sent nowhere. */
  document.querySelectorAll("[data-dilemma-reveal]").forEach(function (form) {
    var answers = form.parentNode.querySelector("[data-dilemma-answers]");
    form.hidden = false;
    answers.hidden = true;
    answers.querySelector("[data-without-js]").hidden = true;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector("input:checked");
      if (!chosen) { return; }
      answers.hidden = false;
      answers.querySelectorAll("details").forEach(function (option) {
        var mine = option.dataset.option === chosen.value;
        option.open = mine;
        option.classList.toggle("chosen", mine);
        if (mine) { answers.insertBefore(option, answers.firstChild); option.querySelector("summary").focus(); }
      });
    });
  });
})();
