// The worker behind createWorker (worker.js). Its first message says where the wasm
// binary is ({start}); each later one is {id, analyze: text, options} or
// {id, aggregate: results}, answered {id, result} or {id, error}.
import { aggregate, analyze, init } from "./index.js";

let started = null;

self.addEventListener("message", async ({ data }) => {
  if (started === null) {
    started = init(data.start).catch((error) => error);
    return;
  }
  const failed = await started;
  try {
    if (failed) throw failed;
    const result = "analyze" in data ? await analyze(data.analyze, data.options) : await aggregate(data.aggregate);
    self.postMessage({ id: data.id, result });
  } catch (error) {
    self.postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) });
  }
});
