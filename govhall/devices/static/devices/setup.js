// /hall/setup/#<token>: the fragment never reaches the server; post it once, then forget it from the address bar.
(function () {
  "use strict";
  var token = decodeURIComponent((window.location.hash || "").slice(1));
  if (!token) return;
  history.replaceState(null, "", window.location.pathname);
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("setup-form");
    form.elements.token.value = token;
    form.submit();
  });
})();
