// Diplomap's service worker: after the first visit the app opens and works with no
// network. scripts/trunk/post_build.py writes this file into dist/ at each build with
// VERSION (a hash of every file) and FILES (every file of the build, see its PRECACHE
// patterns) filled in, so each deployment is a new service worker. It installs beside
// the running one, the page says "new version — reload" (public/updates.js), and only
// that reload switches versions: never silently, mid-session.
const VERSION = "%VERSION%";
const FILES = "%FILES%";
const CACHE = "diplomap-" + VERSION;

// Revalidated rather than read blindly from the HTTP cache, which may hold an older
// index.html than this build's; an unchanged file costs a 304.
self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: "no-cache" })))),
  );
});

// The previous version's files stay until the next update: a tab still running it may
// yet ask for one (a data file fetched late).
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((names) => {
      const old = names.filter((name) => name.startsWith("diplomap-") && name !== CACHE);
      return Promise.all(old.slice(0, -1).map((name) => caches.delete(name)));
    }),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

// The app's files come from the cache (this version's, else the one before); the page
// itself too, kept as "./", whatever its query. Anything else goes to the network.
self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || !request.url.startsWith(self.registration.scope)) return;
  const path = request.url.slice(self.registration.scope.length).split(/[?#]/)[0];
  const key = request.mode === "navigate" && (path === "" || path === "index.html") ? "./" : request;
  event.respondWith(
    caches
      .match(key, { cacheName: CACHE })
      .then((hit) => hit || caches.match(key))
      .then((hit) => hit || fetch(request)),
  );
});
