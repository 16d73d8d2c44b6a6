// Article view: the cleaned text with actors, quotes and event triggers highlighted.
"use strict";
(() => {
  const { el, api, status } = NE;
  const main = document.getElementById("main");
  const p = NE.params();
  const id = p.get("id");
  if (!id) { location.replace("/app/documents"); return; }
  api(`/documents/${encodeURIComponent(id)}`)
    .then((doc) => NE.renderDocument(main, doc, { event: p.get("event"), quote: p.get("quote") }))
    .catch((e) => { main.replaceChildren(el("h1", {}, "Article"), el("p", { class: "muted" }, e.message)); status(e.message, "error"); });
})();
