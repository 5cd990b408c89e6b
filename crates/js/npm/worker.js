// The core in a Web Worker, so that a host page never waits for a long analysis:
//
//   import { createWorker } from "diplomap/worker";
//   const core = createWorker();
//   const result = await core.analyze(text);
//
// Each call posts one message to the worker (analysis-worker.js) and settles when its
// answer comes back; calls are answered in order.
export function createWorker({ wasm } = {}) {
  const worker = new Worker(new URL("./analysis-worker.js", import.meta.url), { type: "module" });
  const pending = new Map();
  let next = 0;
  let broken = null;

  const failAll = (error) => {
    broken ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.addEventListener("message", ({ data }) => {
    const call = pending.get(data.id);
    if (!call) return;
    pending.delete(data.id);
    if ("error" in data) call.reject(new Error(data.error));
    else call.resolve(data.result);
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    failAll(new Error(`the Diplomap worker failed: ${event.message || "it could not be loaded"}`));
  });
  // A URL object cannot be posted; its text can.
  worker.postMessage({ start: wasm instanceof URL ? wasm.href : wasm });

  const call = (message) =>
    new Promise((resolve, reject) => {
      if (broken) return reject(broken);
      const id = ++next;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });

  return {
    analyze: (text, options = {}) => call({ analyze: text, options }),
    aggregate: (results) => call({ aggregate: results }),
    terminate() {
      worker.terminate();
      failAll(new Error("the Diplomap worker was terminated"));
    },
  };
}
