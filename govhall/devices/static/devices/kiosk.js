// Kiosk pages: back home after a minute untouched, a clock, an on-screen keypad, printing the ticket.
(function () {
  "use strict";
  var body = document.body;
  var home = body.getAttribute("data-home-url");
  var idleMs = parseInt(body.getAttribute("data-idle-seconds") || "60", 10) * 1000;
  var atHome = window.location.pathname === home;
  var idleTimer = null;

  function goHome() {
    // At home, reload: the waiting counts on the tiles stay fresh and any typed text is gone.
    window.location.assign(home);
  }
  function touched() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(goHome, atHome ? idleMs * 5 : idleMs);
  }
  ["pointerdown", "keydown", "input", "touchstart"].forEach(function (name) {
    document.addEventListener(name, touched, { passive: true });
  });
  touched();

  var clock = document.querySelector("[data-clock]");
  if (clock) {
    var format = new Intl.DateTimeFormat("zh-CN", { month: "long", day: "numeric", weekday: "short",
      hour: "2-digit", minute: "2-digit", hour12: false });
    var tick = function () { clock.textContent = format.format(new Date()); };
    tick();
    setInterval(tick, 10000);
  }

  // --- the priority claim: the ID number field only for 70+ ------------------------------------------------
  var form = document.querySelector("[data-take-form]");
  if (form) {
    var idBox = form.querySelector("[data-shown-for]");
    var sync = function () {
      var checked = form.querySelector("input[name=claim]:checked");
      idBox.hidden = !checked || checked.value !== idBox.getAttribute("data-shown-for");
    };
    form.addEventListener("change", sync);
    sync();
  }

  // --- an on-screen keypad under every [data-keypad] field (kiosks have no keyboard) --------------------
  var LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ".split("");
  var CLEAR = body.getAttribute("data-clear-label") || "C";
  function keypadFor(input) {
    var keys = "1234567890".split("").concat(input.getAttribute("data-keypad") === "full" ? LETTERS : ["X"]);
    var pad = document.createElement("div");
    pad.className = "keypad";
    keys.concat(["⌫", CLEAR]).forEach(function (key) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = key;
      button.className = key.length > 1 ? "key key-wide" : "key";
      button.addEventListener("click", function () {
        if (key === "⌫") input.value = input.value.slice(0, -1);
        else if (key === CLEAR) input.value = "";
        else if (!input.maxLength || input.maxLength < 0 || input.value.length < input.maxLength) input.value += key;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      });
      pad.appendChild(button);
    });
    pad.hidden = true;
    input.insertAdjacentElement("afterend", pad);
    input.addEventListener("focus", function () {
      Array.prototype.forEach.call(document.querySelectorAll(".keypad"), function (p) { p.hidden = p !== pad; });
    });
    if (document.activeElement === input) pad.hidden = false;
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-keypad]"), keypadFor);

  // --- the ticket: print once on arrival (not again on a reload), reprint on demand ---------------------
  var reprint = document.querySelector("[data-print]");
  if (reprint) reprint.addEventListener("click", function () { window.print(); });
  if (body.hasAttribute("data-autoprint")) {
    history.replaceState(null, "", window.location.pathname);
    window.addEventListener("load", function () { setTimeout(function () { window.print(); }, 300); });
  }
})();
