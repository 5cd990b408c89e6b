// The analysis worker. The page posts its own compiled wasm module and the URL of its
// wasm-bindgen glue first (so nothing is downloaded twice), and answers {ready} or
// {failed} once it has started; then it takes texts as {id, text}; each is answered
// with {id, progress} after each stage, then {id, bytes} (the encoded analysis) or
// {id, error}. Texts that arrive while the module is starting wait for it; if it could
// not start, each is answered {failed}, and the page analyses them itself.
let analyse = null;
let failure = null;
const waiting = [];

self.onmessage = async ({ data }) => {
  if (data.module) {
    try {
      const glue = await import(data.js);
      await glue.default({ module_or_path: data.module });
      analyse = glue.analyseEncoded;
      self.postMessage({ ready: true });
    } catch (error) {
      failure = String(error);
      self.postMessage({ failed: failure });
    }
    waiting.splice(0).forEach(answer);
  } else if (analyse || failure) {
    answer(data);
  } else {
    waiting.push(data);
  }
};

function answer({ id, text }) {
  if (failure) return self.postMessage({ failed: failure });
  try {
    const bytes = analyse(text, (share) => self.postMessage({ id, progress: share }));
    self.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
}
