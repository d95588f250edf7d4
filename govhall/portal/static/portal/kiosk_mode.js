// The guides opened from a hall kiosk: back to the kiosk's home after a minute without a touch.
(function () {
  "use strict";
  var back = document.querySelector("[data-kiosk-home]");
  if (!back) return;
  var timer = null;
  function touched() {
    clearTimeout(timer);
    timer = setTimeout(function () { window.location.assign(back.getAttribute("href")); }, 60000);
  }
  ["pointerdown", "keydown", "input", "touchstart", "scroll"].forEach(function (name) {
    document.addEventListener(name, touched, { passive: true });
  });
  touched();
})();
