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

// Cases: print, Enter in the item search does not submit the intake, the 补正 list follows the checklist.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});

document.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && event.target.matches("[data-no-submit]")) event.preventDefault();
});

function fillSupplementList(scope) {
  const list = scope.querySelector("[data-supplement-list]");
  const table = scope.querySelector("[data-checklist]");
  if (!list || !table || list.dataset.edited) return;
  const missing = [...table.querySelectorAll("tr[data-required='1']")]
    .filter((row) => row.querySelector("input[value=missing]")?.checked)
    .map((row) => row.dataset.material);
  list.value = missing.join("\n");
}

document.addEventListener("change", (event) => {
  const row = event.target.closest("[data-checklist] tr");
  if (row) {
    row.className = `bo-state-row-${event.target.value}`;
    fillSupplementList(row.closest("form"));
  }
});
// One click for the usual case at the window: every required material still marked missing is received. Conditional
// ones (whether they apply is the clerk's call) and those replaced by a commitment stay as they are.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-receive-required]");
  if (!button) return;
  const table = button.closest("[data-checklist]");
  for (const row of table.querySelectorAll("tr[data-required='1']")) {
    if (!row.querySelector("input[value=missing]")?.checked) continue;
    row.querySelector("input[value=received]").checked = true;
    row.className = "bo-state-row-received";
  }
  fillSupplementList(table.closest("form"));
});
document.addEventListener("input", (event) => {
  if (event.target.matches("[data-supplement-list]")) event.target.dataset.edited = "1";
});
document.addEventListener("htmx:afterSwap", (event) => fillSupplementList(event.target));
// The applicant's kind picks the ID kind that goes with it (an organisation: its credit code; a person: the identity
// card), and the live ID check runs again for it; the clerk may still choose a passport or another document.
document.addEventListener("change", (event) => {
  if (event.target.name !== "applicant_kind") return;
  const select = document.getElementById("id_applicant_id_kind");
  if (!select) return;
  const wanted = event.target.value === "enterprise" ? "credit_code" : "resident_id";
  const fits = event.target.value === "enterprise" ? ["credit_code", "other"] : ["resident_id", "passport", "other"];
  if (!fits.includes(select.value)) {
    select.value = wanted;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }
});
// A "select all" box ticks every box of its name (the window's batch close).
document.addEventListener("change", (event) => {
  const all = event.target.closest("[data-check-all]");
  if (!all) return;
  for (const box of document.querySelectorAll(`input[type=checkbox][name="${all.dataset.checkAll}"]`)) {
    box.checked = all.checked;
  }
});
