// The window console (叫号面板): function keys press the panel's buttons, whose labels show the key; a key
// pressed while typing in a field is the field's. The panel's clocks tick here; the server gives their start.
(() => {
  const TYPING = "input, textarea, select, [contenteditable=''], [contenteditable='true']";

  function busy() {
    return document.querySelector("#console-panel .htmx-request, #console-panel.htmx-request") !== null;
  }

  document.addEventListener("keydown", (event) => {
    const panel = document.getElementById("console-panel");
    if (!panel || !/^F\d{1,2}$/.test(event.key)) return;
    if (event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
    const button = panel.querySelector(`[data-key="${event.key}"]`);
    if (!button) return;
    event.preventDefault(); // F1 help, F3 find, F6 address bar, F7 caret browsing: on this page the keys are the console's
    if (event.target instanceof Element && event.target.closest(TYPING)) return; // typing: the key does nothing
    if (button.disabled || busy()) return;
    const opens = button.dataset.opens && document.getElementById(button.dataset.opens);
    if (opens) {
      opens.open = true;
      opens.querySelector("select, input:not([type=hidden])")?.focus();
    } else {
      press(button);
    }
  });

  // Through htmx's API rather than a click: a key pressed in the instant after a swap, before htmx has
  // taken over the new forms, would otherwise post the whole page.
  function press(button) {
    const form = button.form;
    const url = form?.getAttribute("hx-post");
    if (window.htmx && url) {
      window.htmx.ajax("POST", url, { source: form, target: "#console-panel", swap: "outerHTML" });
    } else {
      button.click();
    }
  }

  // A button that opens a box (hold, transfer) by click too.
  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest("#console-panel [data-opens]");
    if (!button) return;
    const box = document.getElementById(button.dataset.opens);
    if (!box) return;
    box.open = true;
    box.querySelector("select, input:not([type=hidden])")?.focus();
  });

  // The units come from the page (translated there): data-units="小时|分|秒".
  function clock(seconds, units) {
    const [hours, minutes, secs] = (units || "h|m|s").split("|");
    const total = Math.max(Math.round(seconds), 0);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = String(total % 60).padStart(2, "0");
    return h ? `${h}${hours}${String(m).padStart(2, "0")}${minutes}` : `${m}${minutes}${s}${secs}`;
  }

  setInterval(() => {
    for (const el of document.querySelectorAll("#console-panel [data-since]")) {
      const since = Number(el.dataset.since) * 1000;
      el.textContent = clock(Number(el.dataset.base || 0) + (Date.now() - since) / 1000, el.dataset.units);
    }
  }, 1000);
})();
