// citeproc-js (Zotero's citation engine) as a test oracle: CSL items and note sequences in,
// rendered notes and bibliography out, both as JSON.
//
// Usage: node render.js STYLE.csl LOCALE.xml < request.json > result.json
// request: {"items": [CSL-JSON], "notes": [[{"id", "locator", "label", "prefix", "suffix",
//           "suppress-author"}, ...], ...], "bibliography": [ids] | null}
// result:  {"notes": [html, ...], "bibliography": [[id, html], ...]}
// Each note is one citation cluster at note number i + 1, processed in order, so first, subsequent
// and ibid positions are the ones a word processor plugin would see. Later clusters may rewrite
// earlier ones (disambiguation); the final text of each is reported.
"use strict";

const fs = require("fs");
const path = require("path");
const CSL = require(path.join(__dirname, "node_modules", "citeproc"));

function main() {
  const [stylePath, localePath] = process.argv.slice(2);
  const request = JSON.parse(fs.readFileSync(0, "utf8"));
  const style = fs.readFileSync(stylePath, "utf8");
  const locale = fs.readFileSync(localePath, "utf8");
  const items = new Map(request.items.map((item) => [String(item.id), item]));
  const sys = {
    retrieveLocale: () => locale,
    retrieveItem: (id) => items.get(String(id)),
  };
  const engine = new CSL.Engine(sys, style, "en-US", true);
  engine.opt.development_extensions.wrap_url_and_doi = false;

  const rendered = [];
  const pre = [];
  request.notes.forEach((note, index) => {
    const citation = {
      citationID: `note-${index + 1}`,
      citationItems: note.map((cite) => {
        const item = { id: String(cite.id) };
        if (cite.locator) {
          item.locator = cite.locator;
          item.label = cite.label || "page";
        }
        if (cite.prefix) item.prefix = cite.prefix;
        if (cite.suffix) item.suffix = cite.suffix;
        if (cite["suppress-author"]) item["suppress-author"] = true;
        return item;
      }),
      properties: { noteIndex: index + 1 },
    };
    const [, updates] = engine.processCitationCluster(citation, pre, []);
    for (const [position, text] of updates) rendered[position] = text;
    pre.push([citation.citationID, index + 1]);
  });

  let bibliography = [];
  if (request.bibliography) {
    // makeBibliography's entry list skips items the style prints nothing for while its id list
    // does not, so the order comes from the whole list and each entry from a run of its own.
    engine.updateItems(request.bibliography.map(String));
    const order = engine.makeBibliography()[0].entry_ids.map((ids) => String(ids[0]));
    for (const id of order) {
      engine.updateItems([id]);
      const result = engine.makeBibliography();
      const text = result ? result[1].join("").trim() : "";
      if (text) bibliography.push([id, text]);
    }
  }
  process.stdout.write(JSON.stringify({ notes: rendered, bibliography }));
}

main();
