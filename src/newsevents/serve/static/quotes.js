// Quote explorer: search quotes by speaker and text, grouped by speaker.
"use strict";
(() => {
  const { el, all, qs, status, download } = NE;
  const main = document.getElementById("main");
  const p = NE.params();
  const form = el("form", { class: "filters", "data-testid": "filters" },
    el("label", {}, "speaker", el("input", { name: "speaker", value: p.get("speaker") || "", placeholder: "Pompeo, USAGOV" })),
    el("label", {}, "text", el("input", { name: "search", value: p.get("search") || "", placeholder: "words in the quote" })),
    el("label", {}, "from", el("input", { name: "since", type: "date", value: p.get("since") || "" })),
    el("label", {}, "to", el("input", { name: "until", type: "date", value: p.get("until") || "" })),
    el("button", { type: "submit" }, "Search"),
    el("button", { type: "button", class: "plain", onclick: () => download("/quotes", filters(), "csv") }, "CSV"),
    el("button", { type: "button", class: "plain", onclick: () => download("/quotes", filters(), "jsonl") }, "JSONL"));
  const summary = el("p", { class: "muted", "data-testid": "summary" });
  const out = el("div", { "data-testid": "quote-groups" });
  main.replaceChildren(el("h1", {}, "Quote explorer"), form, summary, out);

  const filters = NE.filterForm(form, () => load().catch((err) => status(err.message, "error")));

  async function load() {
    out.replaceChildren(el("p", { class: "muted" }, "loading…"));
    summary.textContent = "";
    const { rows, more } = await all("/quotes", filters(), 3000);
    const groups = new Map();
    rows.forEach((r) => {
      const name = r.speaker_name || (r.speaker || {}).text || "unnamed source";
      if (!groups.has(name)) groups.set(name, { name, code: r.speaker_code, quotes: [] });
      groups.get(name).quotes.push(r);
    });
    const sorted = [...groups.values()].sort((a, b) => b.quotes.length - a.quotes.length || a.name.localeCompare(b.name));
    summary.textContent = `${rows.length}${more ? "+" : ""} quotes from ${sorted.length} speakers`;
    out.replaceChildren(...sorted.map((g, i) => el("details", { class: "group", open: i < 8 },
      el("summary", {}, `${g.name}${g.code ? " (" + g.code + ")" : ""} — ${g.quotes.length} quote${g.quotes.length > 1 ? "s" : ""}`),
      g.quotes.map((r) => el("blockquote", {},
        "“", (r.content || {}).text, "”",
        el("div", { class: "muted" }, `${r.kind}${r.cue ? ", “" + r.cue.text + "”" : ""} · ${r.date || "no date"} · `,
          el("a", { href: `/app/article?id=${encodeURIComponent(r.document)}&quote=${encodeURIComponent(r.id)}` },
            r.document_title || r.document)))))));
    if (!rows.length) out.replaceChildren(el("p", { class: "muted" }, "No quotes match."));
  }

  load().catch((e) => { out.replaceChildren(el("p", { class: "muted" }, e.message)); status(e.message, "error"); });
})();
