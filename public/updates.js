// "A new version of Diplomap is ready — Reload": loaded by boot.js on a page the service
// worker (sw.js) controls. A new deployment installs a new service worker beside the
// running one; it takes over only when the reader presses Reload here, so a session is
// never switched to other code silently. A long session checks for a deployment hourly.
const HOUR_MS = 60 * 60 * 1000;

export function watch(registration) {
  let reloadAsked = false;
  let waiting = null;
  let notice = null;

  const offer = (worker) => {
    waiting = worker;
    notice ??= show(() => {
      reloadAsked = true;
      if (waiting) waiting.postMessage("skip-waiting");
      else location.reload();
    });
  };
  const track = (worker) =>
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed") offer(worker);
    });

  if (registration.waiting) offer(registration.waiting);
  track(registration.installing);
  registration.addEventListener("updatefound", () => track(registration.installing));
  // The new version took over: at this page's request, or another tab's (then this
  // page runs the old code until the reader reloads it).
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloadAsked) location.reload();
    else offer(null);
  });
  setInterval(() => registration.update().catch(() => {}), HOUR_MS);
}

function show(reload) {
  const notice = document.createElement("p");
  notice.className = "notice update-notice";
  notice.setAttribute("role", "status");
  const text = document.createElement("span");
  text.className = "notice-text";
  text.textContent = "A new version of Diplomap is ready.";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Reload";
  button.addEventListener("click", reload);
  notice.append(text, button);
  document.body.append(notice);
  return notice;
}
