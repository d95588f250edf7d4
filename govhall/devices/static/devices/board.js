// The display board (大屏). Plain JS, no build step, no network beyond govhall itself.
//
// Why a short poll and not server-sent events: govhall runs on sync WSGI workers behind intranet proxies
// that often buffer responses; an SSE stream would pin one worker per board all day and may never flush.
// A poll with ?since=<version> costs one indexed query and an empty answer when nothing changed, so a
// 500 ms period keeps a call on screen within ~0.5 s (+ one round trip) at negligible cost.
(function () {
  "use strict";

  var POLL_MS = 500;
  var FIRST_BACKOFF_MS = 1000;
  var MAX_BACKOFF_MS = 5000;
  var TIMEOUT_MS = 3000;

  var body = document.body;
  var pollUrl = body.getAttribute("data-poll-url");
  var filters = JSON.parse(document.getElementById("board-filters").textContent);
  var state = JSON.parse(document.getElementById("board-initial").textContent);
  var version = state.version || 0;
  var backoff = FIRST_BACKOFF_MS;
  var seen = {};

  var text = {};
  var tpl = document.getElementById("board-text");
  Array.prototype.forEach.call(tpl.content.querySelectorAll("[data-key]"), function (el) {
    text[el.getAttribute("data-key")] = el.textContent.trim();
  });

  function fmt(template, vars) {
    return template.replace(/\{(\w+)\}/g, function (_m, key) {
      return vars[key] === undefined ? "" : String(vars[key]);
    });
  }

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  function windowShown(call) {
    return !filters.windows || filters.windows.indexOf(call.window_number) >= 0;
  }

  function categoryShown(line) {
    return !filters.series || filters.series.indexOf(line.series) >= 0;
  }

  // "03" is read as 零三 by a speech engine; a hall says 3号窗口.
  function windowLabel(number) {
    return /^\d+$/.test(number) ? String(parseInt(number, 10)) : number;
  }

  // --- drawing ----------------------------------------------------------------------------------------
  function render(data) {
    // Newest first: a big hall has more windows than rows, and the people waiting look for the latest calls.
    var calls = (data.latest_by_window || []).filter(windowShown).sort(function (a, b) { return b.id - a.id; });
    var rows = document.getElementById("board-windows");
    rows.textContent = "";
    calls.forEach(function (call) {
      var tr = el("tr");
      tr.setAttribute("data-window", call.window_number);
      tr.appendChild(el("td", "call-number", call.number));
      tr.appendChild(el("td", "call-window", fmt(text.window, { window: windowLabel(call.window_number) })));
      tr.appendChild(el("td", "call-window-name", call.window_name));
      rows.appendChild(tr);
    });
    document.getElementById("board-no-calls").hidden = calls.length > 0;

    var newest = calls[0] || null;
    var latest = document.getElementById("board-latest");
    latest.querySelector("[data-role=number]").textContent = newest ? newest.number : "——";
    latest.querySelector("[data-role=window]").textContent = newest
      ? fmt(text.window, { window: windowLabel(newest.window_number) }) : "";
    latest.classList.toggle("is-empty", !newest);

    var lines = document.getElementById("board-categories");
    lines.textContent = "";
    var shown = (data.categories || []).filter(categoryShown);
    // Every category must stay on screen: the rows shrink (board.css, --rows) when a hall has many.
    lines.parentNode.style.setProperty("--rows", Math.max(shown.length, 1));
    shown.forEach(function (line) {
      var tr = el("tr");
      var name = el("td", "cat-name");
      name.appendChild(el("span", "cat-series", line.series));
      name.appendChild(document.createTextNode(line.name));
      tr.appendChild(name);
      tr.appendChild(el("td", "cat-waiting", fmt(text.waiting, { n: line.waiting })));
      var est = line.estimate || {};
      tr.appendChild(el("td", "cat-estimate", line.waiting ? fmt(text.estimate, est) : text["no-wait"]));
      lines.appendChild(tr);
    });

    var notice = document.getElementById("board-notice");
    var words = data.notice || text.notice;
    if (notice.textContent !== words) {
      notice.textContent = words;
      notice.style.animationDuration = Math.max(15, words.length * 0.45) + "s";
    }
  }

  function flash(call) {
    var targets = [document.getElementById("board-latest")];
    var row = document.querySelector('#board-windows tr[data-window="' + CSS.escape(call.window_number) + '"]');
    if (row) targets.push(row);
    targets.forEach(function (node) {
      node.classList.remove("flash");
      void node.offsetWidth; // restart the animation
      node.classList.add("flash");
    });
  }

  // --- voice --------------------------------------------------------------------------------------------
  var speech = window.speechSynthesis || null;
  var voice = null;
  function pickVoice() {
    if (!speech) return;
    var voices = speech.getVoices();
    voice = voices.filter(function (v) { return /^zh[-_]CN/i.test(v.lang); })[0]
      || voices.filter(function (v) { return /^zh/i.test(v.lang); })[0] || null;
  }
  if (speech) {
    pickVoice();
    speech.addEventListener("voiceschanged", pickVoice);
  }
  var voiceButton = document.getElementById("board-voice");
  voiceButton.addEventListener("click", function () {
    // Browsers allow speech only after a gesture unless started with --autoplay-policy=no-user-gesture-required.
    voiceButton.hidden = true;
    say(text["voice-on"], 1);
  });

  function say(words, times) {
    if (!speech) return;
    for (var i = 0; i < times; i++) {
      var utterance = new SpeechSynthesisUtterance(words);
      utterance.lang = "zh-CN";
      utterance.rate = 0.85;
      if (voice) utterance.voice = voice;
      utterance.onerror = function (event) {
        if (event.error === "not-allowed") voiceButton.hidden = false;
      };
      speech.speak(utterance);
    }
  }

  function announce(calls) {
    calls.sort(function (a, b) { return a.id - b.id; }).forEach(function (call) {
      flash(call);
      say(fmt(text.call, { number: call.number, window: windowLabel(call.window_number) }), 2);
    });
  }

  function remember(data) {
    (data.calls || []).concat(data.latest_by_window || []).forEach(function (call) { seen[call.id] = true; });
  }

  // Calls to announce: the new ones the server lists, and any window's latest call not yet seen (a call
  // whose transaction committed after a later one has a smaller id than the version already polled).
  function fresh(data) {
    var found = {};
    (data.calls || []).concat(data.latest_by_window || []).forEach(function (call) {
      if (!seen[call.id] && windowShown(call)) found[call.id] = call;
    });
    return Object.keys(found).map(function (id) { return found[id]; });
  }

  // --- polling and reconnecting -------------------------------------------------------------------------
  var offlineMark = document.getElementById("board-offline");
  function online(isOnline) {
    offlineMark.hidden = isOnline;
    body.classList.toggle("is-offline", !isOnline);
  }

  function poll() {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (controller) controller.abort(); }, TIMEOUT_MS);
    fetch(pollUrl + "?since=" + encodeURIComponent(version), {
      cache: "no-store",
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      signal: controller ? controller.signal : undefined,
    })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        clearTimeout(timer);
        online(true);
        backoff = FIRST_BACKOFF_MS;
        if (data.changed !== false && data.version !== undefined) {
          var calls = fresh(data);
          version = data.version;
          state = data;
          render(data); // on error the last picture simply stays on screen
          remember(data);
          announce(calls);
        }
        setTimeout(poll, POLL_MS);
      })
      .catch(function () {
        clearTimeout(timer);
        online(false);
        setTimeout(poll, backoff + Math.random() * 250); // jitter: a hall of boards does not reconnect in step
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      });
  }

  // --- the clock ----------------------------------------------------------------------------------------
  var clock = document.getElementById("board-clock");
  var clockFormat = new Intl.DateTimeFormat(document.documentElement.lang || "zh-CN", {
    year: "numeric", month: "long", day: "numeric", weekday: "long",
    hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false,
  });
  function tick() {
    clock.textContent = clockFormat.format(new Date());
  }

  render(state);
  remember(state);
  tick();
  setInterval(tick, 1000);
  setTimeout(poll, POLL_MS);
})();
