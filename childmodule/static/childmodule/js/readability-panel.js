// The chapter editor's readability panel follows what the editor types. Wagtail re-renders
// the preview from the unsaved form as the editor types (with Preview or Checks open); the
// preview of a chapter carries its readability report (chapter_page.html), computed by the
// server like the saved score. Each time a preview frame loads, the panel shows its report.
document.addEventListener(
  "load",
  (event) => {
    const frame = event.target;
    if (!(frame instanceof HTMLIFrameElement) || !frame.classList.contains("w-preview__iframe")) return;
    const panel = document.querySelector("[data-readability-panel]");
    const data = frame.contentDocument && frame.contentDocument.getElementById("samspel-readability");
    if (!panel || !data) return;
    const report = JSON.parse(data.textContent);
    const texts = panel.querySelector("[data-readability-texts]").dataset;
    panel.classList.remove("help-info", "help-warning", "help-critical");
    panel.classList.add({ far: "help-critical", near: "help-warning" }[report.distance] || "help-info");
    if (report.score !== null) {
      const format = (value) => value.toLocaleString(document.documentElement.lang, { maximumFractionDigits: 1 });
      panel.querySelector("[data-readability-score]").textContent = texts.score
        .replace("{score}", format(report.score))
        .replace("{target}", report.target);
      panel.querySelector("[data-readability-verdict] strong").textContent = texts[report.distance];
    }
    const hard = panel.querySelector("[data-readability-hard]");
    const list = hard.querySelector("ol");
    list.replaceChildren(
      ...report.hard.map((item) => {
        const row = document.createElement("li");
        row.textContent = `${item.sentence} (LIX ${item.score})`;
        return row;
      }),
    );
    hard.hidden = report.hard.length === 0;
  },
  true,
);
