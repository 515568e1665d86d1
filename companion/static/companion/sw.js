// The site's service worker (served at /sw.js, preceded by VERSION and PRECACHE by
// companion/shell.py). Pages: from the network first, the kept copy when the network fails
// or is too slow; static files (hashed names, never changing): from the copy first. A new
// version installs in the background and takes over at once, without reloading open pages.
/* global VERSION, PRECACHE */
"use strict";

var CACHE = "expo-" + VERSION;
var TIMEOUT = 4000;  // a crowded airfield network: the kept copy after 4 s
var PRIVATE = /^\/(admin|api)\/|^\/[a-z]{2}\/(exhibitor|press\/media|checkin|register)\//;
var fromCache = {};

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // One by one: a page missing (no edition yet) must not stop the rest.
    return Promise.all(PRECACHE.map(function (url) {
      return fetch(url, { credentials: "omit" }).then(function (response) {
        if (response.ok) { return cache.put(url, response); }
      }).catch(function () {});
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("expo-") === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function keep(request, response) {
  var control = response.headers.get("Cache-Control") || "";
  if (response.ok && response.type === "basic" && !/no-store|private/.test(control)) {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
  }
  return response;
}

function networkFirst(request) {
  return new Promise(function (resolve, reject) {
    var done = false;
    function fallback() {
      caches.match(request, { ignoreVary: true }).then(function (kept) {
        if (done) { return; }
        if (kept) {
          done = true;
          fromCache[request.url] = true;
          resolve(kept);
        }
      });
    }
    var timer = setTimeout(fallback, TIMEOUT);
    fetch(request).then(function (response) {
      clearTimeout(timer);
      if (!done) { done = true; resolve(keep(request, response)); }
    }).catch(function (error) {
      clearTimeout(timer);
      caches.match(request, { ignoreVary: true }).then(function (kept) {
        if (done) { return; }
        done = true;
        if (kept) { fromCache[request.url] = true; resolve(kept); } else { reject(error); }
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || PRIVATE.test(url.pathname)) { return; }
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(caches.match(request).then(function (kept) {
      return kept || fetch(request).then(function (response) { return keep(request, response); });
    }));
    return;
  }
  event.respondWith(networkFirst(request));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "was-cached" && fromCache[data.url]) {
    delete fromCache[data.url];
    event.source.postMessage({ type: "from-cache" });
  }
  if (data.type === "keep" && Array.isArray(data.urls)) {
    // The pages of the visitor's list, so they open offline too.
    caches.open(CACHE).then(function (cache) {
      data.urls.slice(0, 200).forEach(function (path) {
        var url = new URL(path, self.location.origin);
        if (url.origin !== self.location.origin || PRIVATE.test(url.pathname) || /\.(pdf|ics|zip)$/.test(url.pathname)) { return; }
        cache.match(url.href).then(function (kept) {
          if (!kept) {
            fetch(url.href, { credentials: "omit" }).then(function (response) { keep(url.href, response); }).catch(function () {});
          }
        });
      });
    });
  }
});
