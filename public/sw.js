// Service worker: keeps the whole app in the cache so it starts with the network off.
// precache.js (written at build time by scripts/precache.sh) lists every built file and a
// version that changes with them; a new version replaces the old cache whole.
importScripts("precache.js");

var CACHE = "doithoai-" + self.CACHE_VERSION;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return cache.addAll(self.PRECACHE);
    }).then(function () {
      return self.skipWaiting();
    })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) {
        return n.indexOf("doithoai-") === 0 && n !== CACHE;
      }).map(function (n) { return caches.delete(n); }));
    }).then(function () { return self.clients.claim(); })
  );
});

// Cache first: the app's files never change under one version. Page loads fall back to the
// cached index.html, so any address of the app opens offline.
self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(function (cache) {
      return cache.match(request, { ignoreSearch: true }).then(function (hit) {
        if (hit) { return hit; }
        if (request.mode === "navigate") {
          return cache.match("./").then(function (page) { return page || fetch(request); });
        }
        return fetch(request);
      });
    })
  );
});
