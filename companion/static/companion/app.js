// My visit and the app shell: stars kept in this browser (ids only), the list page, the offline
// notice, and the service worker's registration. Everything works without this file: the star
// is then a link to the explanation, and each item keeps its own address.
(function () {
  "use strict";

  var KEY = "expo-my-visit";
  var KINDS = ["e", "x", "p"];
  var meta = document.querySelector("meta[name=expo-generated]");

  function load() {
    var list = {};
    try { list = JSON.parse(window.localStorage.getItem(KEY)) || {}; } catch (error) { list = {}; }
    KINDS.forEach(function (kind) { if (!Array.isArray(list[kind])) { list[kind] = []; } });
    return list;
  }

  function save(list) {
    try { window.localStorage.setItem(KEY, JSON.stringify(list)); } catch (error) { /* private mode */ }
  }

  function has(list, id) {
    var parts = id.split(":");
    return list[parts[0]] && list[parts[0]].indexOf(parts[1]) !== -1;
  }

  function toggle(id, on) {
    var list = load(), parts = id.split(":"), items = list[parts[0]];
    if (!items) { return; }
    var at = items.indexOf(parts[1]);
    if (on && at === -1) { items.push(parts[1]); }
    if (!on && at !== -1) { items.splice(at, 1); }
    save(list);
  }

  function query(list) {
    return KINDS.filter(function (kind) { return list[kind].length; }).map(function (kind) {
      return kind + "=" + list[kind].map(encodeURIComponent).join(",");
    }).join("&");
  }

  function stars() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-star]"), function (holder) {
      var id = holder.getAttribute("data-star");
      var button = document.createElement("button");
      button.type = "button";
      function show() {
        var on = has(load(), id);
        button.setAttribute("aria-pressed", on ? "true" : "false");
        button.textContent = (on ? "\u2605 " : "\u2606 ") + holder.getAttribute(on ? "data-remove" : "data-add");
      }
      button.addEventListener("click", function () { toggle(id, !has(load(), id)); show(); });
      show();
      holder.textContent = "";
      holder.appendChild(button);
    });
  }

  function keepOffline(box) {
    // The list's own pages, so each opens without a network too.
    var controller = navigator.serviceWorker && navigator.serviceWorker.controller;
    if (!controller) { return; }
    var urls = Array.prototype.map.call(box.querySelectorAll("a[href^='/']"), function (a) { return a.getAttribute("href"); });
    controller.postMessage({ type: "keep", urls: urls });
  }

  function myList(box) {
    var shared = document.querySelector("[data-my-shared]");
    var language = document.documentElement.lang;
    if (shared) {
      // A list from another device: offer to add it to this browser's list.
      var adopt = document.createElement("button");
      adopt.type = "button";
      adopt.className = "button";
      adopt.textContent = box.getAttribute("data-adopt") || "+";
      adopt.addEventListener("click", function () {
        Array.prototype.forEach.call(box.querySelectorAll("[data-my-entry]"), function (row) {
          toggle(row.getAttribute("data-my-entry"), true);
        });
        adopt.disabled = true;
      });
      shared.appendChild(adopt);
      return;
    }
    var list = load(), q = query(list), stored = "expo-my-visit-html-" + language;
    if (!q) { return; }
    function put(html) {
      box.innerHTML = html;
      Array.prototype.forEach.call(box.querySelectorAll("[data-my-entry]"), function (row) {
        var remove = document.createElement("button");
        remove.type = "button";
        remove.textContent = box.getAttribute("data-remove") || "\u00d7";
        remove.addEventListener("click", function () { toggle(row.getAttribute("data-my-entry"), false); row.remove(); });
        row.appendChild(remove);
      });
    }
    fetch(box.getAttribute("data-src") + "?" + q, { credentials: "omit" }).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.text();
    }).then(function (html) {
      put(html);
      try { window.localStorage.setItem(stored, JSON.stringify({ q: q, html: html })); } catch (error) { /* full */ }
      keepOffline(box);
    }).catch(function () {
      var kept = null;
      try { kept = JSON.parse(window.localStorage.getItem(stored)); } catch (error) { kept = null; }
      if (kept && kept.html) { put(kept.html); offline(); }
    });
  }

  var noticeShown = false;
  function offline() {
    if (noticeShown || !meta) { return; }
    noticeShown = true;
    var when = new Date(meta.getAttribute("content"));
    var time = isNaN(when) ? "" : when.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false });
    var note = document.createElement("p");
    note.className = "offline-note";
    note.setAttribute("role", "status");
    note.textContent = meta.getAttribute("data-offline").replace("{time}", time);
    document.body.insertBefore(note, document.body.firstChild);
  }

  function serviceWorker() {
    if (!("serviceWorker" in navigator) || !meta) { return; }
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "from-cache") { offline(); }
    });
    navigator.serviceWorker.register(meta.getAttribute("data-sw"), { scope: "/" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      // Was this very page answered from the worker's copy (no network)?
      if (registration.active) { registration.active.postMessage({ type: "was-cached", url: window.location.href }); }
    }).catch(function () { /* no worker: the site still works online */ });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!navigator.onLine) { offline(); }
    window.addEventListener("offline", offline);
    stars();
    var box = document.getElementById("my-list");
    if (box) { myList(box); }
    serviceWorker();
  });
})();
