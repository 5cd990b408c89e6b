// The example page of the npm package (see the README, "Use the core in your own page").
// The analysis runs in a worker started by the package's createWorker; the results are
// plain objects of the schema in docs/schema.md, put on the page as text nodes only.
import { createWorker } from "diplomap/worker";

const core = createWorker();
const text = document.getElementById("text");
const status = document.getElementById("status");
const highlighted = document.getElementById("highlighted");
const relations = document.getElementById("relations");

async function analyse() {
  status.textContent = "Analysing…";
  try {
    const result = await core.analyze(text.value, { id: "example" });
    show(text.value, result);
    status.textContent = `${result.entities.length} mentions, ${result.relations.length} relations.`;
  } catch (error) {
    status.textContent = `The analysis failed: ${error.message}`;
  }
}

/** The text with each entity marked. Offsets count code points, hence Array.from. */
function show(source, result) {
  const chars = Array.from(source);
  const parts = [];
  let at = 0;
  for (const entity of result.entities) {
    parts.push(document.createTextNode(chars.slice(at, entity.start).join("")));
    const mark = document.createElement("mark");
    mark.dataset.label = entity.label;
    mark.title = [entity.label, entity.country].filter(Boolean).join(" · ");
    mark.textContent = chars.slice(entity.start, entity.end).join("");
    parts.push(mark);
    at = entity.end;
  }
  parts.push(document.createTextNode(chars.slice(at).join("")));
  highlighted.replaceChildren(...parts);
  relations.replaceChildren(
    ...result.relations.map((relation) => {
      const item = document.createElement("li");
      item.textContent = `${relation.a} – ${relation.b}: ${relation.types.join(", ")}`;
      return item;
    }),
  );
}

document.getElementById("analyse").addEventListener("click", analyse);
analyse();
