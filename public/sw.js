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

// The office's files are not precached (a village tablet never needs them). The first time
// the office's page is opened through this worker, all of them are cached at once, fonts
// for printing included, so the session can then run with the network off.
function cacheOffice() {
  return caches.open(CACHE).then(function (cache) {
    return cache.match("office/").then(function (hit) {
      return hit ? undefined : cache.addAll(self.OFFICE || []);
    });
  }).catch(function () {});
}

// Cache first: the app's files never change under one version. Page loads fall back to the
// cached page of their app (the village's index.html, or the office's), so any address of
// the app opens offline.
self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  var office = url.pathname.indexOf("/office/") !== -1;
  if (office && request.mode === "navigate") {
    event.waitUntil(cacheOffice());
  }
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
