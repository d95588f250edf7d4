// Staff pages: add a row to an inline formset, ask before irreversible actions. No framework needed.
document.addEventListener("click", (event) => {
  const add = event.target.closest("[data-add-row]");
  if (!add) return;
  const set = add.closest("[data-formset]");
  const prefix = set.dataset.formset;
  const total = set.querySelector(`#id_${prefix}-TOTAL_FORMS`);
  const rows = set.querySelector("[data-rows]");
  const html = set.querySelector("template[data-empty-row]").innerHTML.replaceAll("__prefix__", total.value);
  rows.insertAdjacentHTML("beforeend", html);
  total.value = String(Number(total.value) + 1);
  rows.lastElementChild.querySelector("input:not([type=checkbox]), select, textarea")?.focus();
});

document.addEventListener("submit", (event) => {
  const message = event.submitter?.dataset.confirm || event.target.dataset.confirm;
  if (message && !window.confirm(message)) event.preventDefault();
});
