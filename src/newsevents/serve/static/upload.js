// Analyse an article: paste text or HTML, or pick a file, and see the analysis at once;
// with the server's token it can be stored too.
"use strict";
(() => {
  const { el, api, qs, status } = NE;
  const main = document.getElementById("main");
  const text = el("textarea", { name: "text", "data-testid": "article-input",
    placeholder: "Headline\n\nPaste the article here: plain text (first line the headline) or an HTML page." });
  const file = el("input", { type: "file", accept: ".txt,.html,.htm,.json,.jsonl" });
  const format = el("select", { name: "format" },
    el("option", { value: "text/plain" }, "plain text"), el("option", { value: "text/html" }, "HTML page"),
    el("option", { value: "application/json" }, "JSON article(s)"));
  const store = el("input", { type: "checkbox", name: "store" });
  const title = el("input", { name: "title", placeholder: "(from the first line)" });
  const date = el("input", { name: "date", type: "date" });
  const button = el("button", { type: "submit" }, "Analyse");
  const result = el("div", { "data-testid": "analysis" });
  const form = el("form", { class: "upload-form" },
    el("div", { class: "row" }, el("label", {}, "title", title), el("label", {}, "date", date),
      el("label", {}, "format", format), el("label", {}, "or a file", file)),
    text,
    el("div", { class: "row" }, button,
      el("label", { class: "muted" }, el("span", {}, store, " store it in the database (needs the token)"))));
  main.replaceChildren(el("h1", {}, "Analyse an article"), form, result);

  file.addEventListener("change", async () => {
    const f = file.files[0];
    if (!f) return;
    text.value = await f.text();
    format.value = /\.html?$/i.test(f.name) ? "text/html" : /\.jsonl?$/i.test(f.name) ? "application/json" : "text/plain";
  });

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!text.value.trim()) { status("Paste an article first.", "error"); return; }
    button.disabled = true;
    status("Analysing…");
    result.replaceChildren(el("p", { class: "muted" }, "analysing…"));
    try {
      const path = (store.checked ? "/documents" : "/analyse") + qs({ title: title.value, date: date.value });
      const out = await api(path, { method: "POST", body: text.value, headers: { "Content-Type": format.value + "; charset=utf-8" } });
      result.replaceChildren();
      out.documents.forEach((doc) => {
        doc.stored = out.stored;
        const box = el("section", {});
        result.append(box);
        NE.renderDocument(box, doc);
        if (out.stored) box.prepend(el("p", { class: "muted" }, "Stored: ", el("a", { href: `/app/article?id=${encodeURIComponent(doc.id)}` }, "open in the article view")));
      });
      (out.problems || []).forEach((p) => result.append(el("p", { class: "muted" }, `problem: ${p.message}`)));
      status(out.stored ? `Stored: ${out.added} added, ${out.replaced} replaced, ${out.unchanged} unchanged.` : "Analysed (not stored).");
    } catch (err) {
      result.replaceChildren(el("p", { class: "muted" }, err.message));
    } finally {
      button.disabled = false;
    }
  });
})();
