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
// cached page of their app (the village's index.html, or the office's), so any address of
// the app opens offline. The office's files are not precached (a village tablet never
// needs them): they are kept the first time the office loads them.
self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  var office = url.pathname.indexOf("/office/") !== -1;
  event.respondWith(
    caches.open(CACHE).then(function (cache) {
      return cache.match(request, { ignoreSearch: true }).then(function (hit) {
        if (hit) { return hit; }
        var fallback = request.mode === "navigate" ? cache.match(office ? "office/" : "./") : Promise.resolve(undefined);
        return fallback.then(function (page) {
          if (page) { return page; }
          return fetch(request).then(function (response) {
            if (office && response.ok) { cache.put(request, response.clone()); }
            return response;
          });
        });
      });
    })
  );
});
