// Drives Debian's firefox-esr headless over WebDriver BiDi, the protocol Firefox speaks
// natively (playwright-core's Firefox needs its own patched build, and its BiDi client
// asks for commands this ESR lacks). Just what the single-file test needs: open a page,
// evaluate expressions in it, and record its requests and console messages.

import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import WebSocket from "ws";

export const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";

/** A headless Firefox with a fresh profile; `open(url)` gives a page driver. */
export async function launchFirefox() {
  const profile = await mkdtemp(path.join(os.tmpdir(), "diplomap-firefox-"));
  const firefox = spawn(FIREFOX, ["--headless", "--no-remote", "--remote-debugging-port=0", "--profile", profile], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const address = await new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`Firefox did not start: ${output.slice(-500)}`)), 60000);
    const read = (chunk) => {
      output += chunk;
      const found = output.match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    firefox.stdout.on("data", read);
    firefox.stderr.on("data", read);
    firefox.on("exit", (code) => reject(new Error(`Firefox exited (${code}): ${output.slice(-500)}`)));
  });
  const socket = new WebSocket(`${address}/session`);
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });

  const answers = new Map();
  const requests = [];
  const console = [];
  let next = 0;
  socket.on("message", (data) => {
    const message = JSON.parse(data);
    if (message.id !== undefined) {
      answers.get(message.id)?.(message);
      answers.delete(message.id);
    } else if (message.method === "network.beforeRequestSent") {
      requests.push(message.params.request.url);
    } else if (message.method === "log.entryAdded") {
      console.push(`${message.params.level}: ${message.params.text}`);
    }
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      answers.set(id, (message) =>
        message.type === "error" ? reject(new Error(`${method}: ${message.error}: ${message.message}`)) : resolve(message.result),
      );
      socket.send(JSON.stringify({ id, method, params }));
    });

  const { capabilities } = await send("session.new", { capabilities: {} });
  await send("session.subscribe", { events: ["network.beforeRequestSent", "log.entryAdded"] });
  const { contexts } = await send("browsingContext.getTree");
  const context = contexts[0].context;

  /** The value of `expression` (awaited if a promise) in the page; JSON-serialisable results only. */
  async function evaluate(expression) {
    const { result, exceptionDetails } = await send("script.evaluate", {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context },
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`in Firefox: ${exceptionDetails.text}`);
    return result.value === undefined ? undefined : JSON.parse(result.value);
  }

  /** Polls `expression` until it is truthy; its value. */
  async function waitFor(expression, timeoutMs = 30000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await evaluate(expression);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out in Firefox waiting for ${expression}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  return {
    version: `${capabilities.browserName} ${capabilities.browserVersion}`,
    requests,
    console,
    evaluate,
    waitFor,
    goto: (url) => send("browsingContext.navigate", { context, url, wait: "complete" }),
    reload: () => send("browsingContext.reload", { context, wait: "complete" }),
    async close() {
      socket.close();
      firefox.kill();
      await new Promise((resolve) => firefox.once("exit", resolve));
      await rm(profile, { recursive: true, force: true });
    },
  };
}
