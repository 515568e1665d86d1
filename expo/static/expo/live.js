// The live board refreshes itself every 30 s (a 304 when nothing changed) and counts down to the
// next flying display each second. Without JavaScript the page's <noscript> refresh takes over.
(function () {
  "use strict";

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function tick() {
    var element = document.querySelector("[data-countdown]");
    if (!element) { return; }
    var left = Math.round((new Date(element.getAttribute("data-countdown")) - Date.now()) / 1000);
    if (left < 0) { left = 0; }
    var hours = Math.floor(left / 3600), minutes = Math.floor((left % 3600) / 60), seconds = left % 60;
    var text = (hours ? hours + ":" + pad(minutes) : minutes) + ":" + pad(seconds);
    element.textContent = element.getAttribute("data-label").replace("{time}", text);
  }

  function refresh() {
    fetch(window.location.href, { cache: "no-cache", credentials: "omit" }).then(function (response) {
      if (!response.ok) { return null; }
      return response.text();
    }).then(function (html) {
      if (!html) { return; }
      var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("live-board");
      var board = document.getElementById("live-board");
      if (fresh && board) { board.replaceWith(fresh); tick(); }
    }).catch(function () { /* offline: keep the board shown */ });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var board = document.getElementById("live-board");
    if (!board) { return; }
    var seconds = parseInt(board.getAttribute("data-refresh"), 10) || 30;
    tick();
    window.setInterval(tick, 1000);
    window.setInterval(refresh, seconds * 1000);
  });
})();
