// Parse a Mermaid diagram from standard input with Mermaid's own parser.
// Exit 0 and print the diagram type if it parses; exit 1 with the error if not.
// Run from a folder where `npm install mermaid@11 jsdom` was done (the tests copy
// this file there).
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!DOCTYPE html><body></body>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
const text = readFileSync(0, "utf8");
try {
  const result = await mermaid.parse(text);
  console.log(result.diagramType);
} catch (error) {
  console.error("PARSE ERROR: " + (error.message || error));
  process.exit(1);
}
