// The module editor's list of evidence sources: typing in "Find a source" hides the sources
// whose author or title does not contain what was typed. Ticked sources always stay visible.
document.addEventListener("input", (event) => {
  const input = event.target.closest("[data-source-filter]");
  if (!input) return;
  const wanted = input.value.trim().toLocaleLowerCase();
  const list = input.closest("[data-source-choices]");
  list.querySelectorAll("input[type=checkbox]").forEach((box) => {
    const item = box.closest("div") || box.parentElement;
    const text = (box.parentElement.textContent || "").toLocaleLowerCase();
    item.hidden = Boolean(wanted) && !box.checked && !text.includes(wanted);
  });
});
