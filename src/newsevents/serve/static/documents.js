// Documents: the stored articles with their counts; each opens in the article view.
"use strict";
(() => {
  const { el, api, qs, status, download } = NE;
  const main = document.getElementById("main");
  const p = NE.params();
  const form = el("form", { class: "filters", "data-testid": "filters" },
    el("label", {}, "text", el("input", { name: "search", value: p.get("search") || "" })),
    el("label", {}, "actor", el("input", { name: "actor", value: p.get("actor") || "" })),
    el("label", {}, "from", el("input", { name: "since", type: "date", value: p.get("since") || "" })),
    el("label", {}, "to", el("input", { name: "until", type: "date", value: p.get("until") || "" })),
    el("button", { type: "submit" }, "Search"),
    el("button", { type: "button", class: "plain", onclick: () => download("/documents", filters(), "csv") }, "CSV"));
  const body = el("tbody", {});
  const more = el("button", { type: "button", class: "plain", hidden: true }, "more");
  main.replaceChildren(el("h1", {}, "Documents"), form,
    el("table", { "data-testid": "documents" }, el("thead", {}, el("tr", {},
      ["date", "title", "outlet", "actors", "quotes", "events"].map((h) => el("th", {}, h)))), body), more);
  let cursor = null;

  function filters() {
    const f = Object.fromEntries(new FormData(form).entries());
    return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== ""));
  }
  async function load(reset) {
    if (reset) { body.replaceChildren(); cursor = null; }
    const page = await api("/documents" + qs(Object.assign({}, filters(), { cursor, limit: 100 })));
    page.items.forEach((d) => body.append(el("tr", {},
      el("td", {}, d.date || ""), el("td", {}, el("a", { href: `/app/article?id=${encodeURIComponent(d.id)}` }, d.title || d.id)),
      el("td", {}, d.outlet || ""), el("td", {}, d.actors), el("td", {}, d.quotes), el("td", {}, d.events))));
    cursor = page.next_cursor;
    more.hidden = !cursor;
  }
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    history.replaceState(null, "", location.pathname + qs(filters()));
    load(true).catch((err) => status(err.message, "error"));
  });
  more.addEventListener("click", () => load(false).catch((err) => status(err.message, "error")));
  load(true).catch((e) => status(e.message, "error"));
})();
