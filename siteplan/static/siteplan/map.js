// Pan and zoom for the server-rendered site plan (progressive: the plan works without it).
// Buttons, mouse wheel, drag and two-finger pinch change the SVG's viewBox.
(function () {
  "use strict";

  function parseBox(text) {
    return text.trim().split(/\s+/).map(Number);
  }

  function setup(svg) {
    var site = parseBox(svg.getAttribute("data-site"));
    var box = parseBox(svg.getAttribute("viewBox"));
    // The labels come translated from the page (no inline script under the CSP).
    var frame = svg.closest("[data-zoom-in]") || svg.parentNode;
    var labels = {
      zoomIn: frame.getAttribute("data-zoom-in") || "+",
      zoomOut: frame.getAttribute("data-zoom-out") || "-",
      reset: frame.getAttribute("data-reset") || "1:1"
    };

    function apply() {
      svg.setAttribute("viewBox", box.map(function (v) { return v.toFixed(1); }).join(" "));
    }

    function zoom(factor, cx, cy) {
      var w = box[2] * factor, h = box[3] * factor;
      var minW = site[2] / 40, maxW = site[2] * 1.5;
      if (w < minW || w > maxW) { return; }
      if (cx === undefined) { cx = box[0] + box[2] / 2; cy = box[1] + box[3] / 2; }
      box = [cx - (cx - box[0]) * factor, cy - (cy - box[1]) * factor, w, h];
      apply();
    }

    function toPlan(clientX, clientY) {
      var rect = svg.getBoundingClientRect();
      var scale = Math.max(box[2] / rect.width, box[3] / rect.height);
      var offsetX = (rect.width * scale - box[2]) / 2, offsetY = (rect.height * scale - box[3]) / 2;
      return [box[0] - offsetX + (clientX - rect.left) * scale, box[1] - offsetY + (clientY - rect.top) * scale, scale];
    }

    var bar = document.createElement("div");
    bar.className = "map-tools";
    [["+", labels.zoomIn, function () { zoom(0.7); }],
     ["\u2212", labels.zoomOut, function () { zoom(1 / 0.7); }],
     ["\u2922", labels.reset, function () { box = site.slice(); apply(); }]].forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "map-tools__button";
      button.textContent = spec[0];
      button.setAttribute("aria-label", spec[1]);
      button.title = spec[1];
      button.addEventListener("click", spec[2]);
      bar.appendChild(button);
    });
    svg.parentNode.insertBefore(bar, svg);

    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      var p = toPlan(event.clientX, event.clientY);
      zoom(event.deltaY < 0 ? 0.85 : 1 / 0.85, p[0], p[1]);
    }, { passive: false });

    var pointers = {};
    var last = null, pinch = null, moved = false;
    svg.addEventListener("pointerdown", function (event) {
      pointers[event.pointerId] = [event.clientX, event.clientY];
      last = [event.clientX, event.clientY];
      moved = false;
    });
    svg.addEventListener("pointermove", function (event) {
      if (!pointers[event.pointerId]) { return; }
      pointers[event.pointerId] = [event.clientX, event.clientY];
      var ids = Object.keys(pointers);
      if (ids.length === 2) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        var distance = Math.hypot(a[0] - b[0], a[1] - b[1]);
        if (pinch) {
          var mid = toPlan((a[0] + b[0]) / 2, (a[1] + b[1]) / 2);
          zoom(pinch / distance, mid[0], mid[1]);
        }
        pinch = distance;
        moved = true;
        return;
      }
      var scale = toPlan(0, 0)[2];
      var dx = event.clientX - last[0], dy = event.clientY - last[1];
      if (Math.abs(dx) + Math.abs(dy) > 3) { moved = true; }
      if (moved) {
        svg.setPointerCapture(event.pointerId);
        box[0] -= dx * scale;
        box[1] -= dy * scale;
        apply();
      }
      last = [event.clientX, event.clientY];
    });
    function release(event) {
      delete pointers[event.pointerId];
      pinch = null;
    }
    svg.addEventListener("pointerup", release);
    svg.addEventListener("pointercancel", release);
    // A drag must not follow the stand link it started on.
    svg.addEventListener("click", function (event) {
      if (moved) { event.preventDefault(); moved = false; }
    }, true);
    svg.classList.add("is-interactive");
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("svg.plan[data-site]"), function (svg) {
      if (!svg.closest(".plan-mini")) { setup(svg); }
    });
  });
})();
