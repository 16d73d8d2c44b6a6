// newsevents web app: shared helpers (API calls, DOM building, evidence and article views).
// Plain JavaScript, no libraries: every page works offline from this server alone.
"use strict";

const NE = (() => {
  const QUAD = {
    1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
  };
  const QUAD_COLOUR = { 1: "#6aa84f", 2: "#1f7a3a", 3: "#e69138", 4: "#c0392b" };
  const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
  const TOKEN_KEY = "newsevents-token";

  // -- DOM ----------------------------------------------------------------------------

  /** el("div", {class: "x", onclick: fn}, child, "text", ...): text is always text, never HTML. */
  function el(tag, attrs, ...children) {
    const svg = ["svg", "g", "circle", "line", "path", "text", "title", "rect", "defs", "marker"].includes(tag);
    const node = svg ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function status(message, kind) {
    const box = document.getElementById("status");
    box.textContent = message || "";
    box.className = message ? (kind || "info") : "";
    if (message && kind !== "error") setTimeout(() => { if (box.textContent === message) status(""); }, 2500);
  }

  // -- the API ------------------------------------------------------------------------

  function headers(extra) {
    const h = Object.assign({}, extra || {});
    const token = localStorage.getItem(TOKEN_KEY);
    if (token) h.Authorization = "Bearer " + token;
    return h;
  }

  /** GET or POST the API; resolves to parsed JSON, rejects with the server's error message. */
  async function api(path, options) {
    const opts = Object.assign({}, options || {});
    opts.headers = headers(opts.headers);
    let response;
    try {
      response = await fetch(path, opts);
    } catch (e) {
      status("The server cannot be reached: " + e.message, "error");
      throw e;
    }
    const type = response.headers.get("content-type") || "";
    const body = type.includes("json") ? await response.json() : await response.text();
    if (!response.ok) {
      const err = body && body.error ? body.error : { message: String(body), status: response.status };
      let message = err.message;
      if (response.status === 401) message += " (enter the token at the top right)";
      status(message, "error");
      const e = new Error(message);
      e.status = response.status;
      e.detail = err;
      throw e;
    }
    if (body && body.stale) status("The store is being written by another process: showing the last snapshot.");
    return body;
  }

  /** A query string from an object: arrays repeat the key, empty values are left out. */
  function qs(params) {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (Array.isArray(v)) v.forEach((x) => u.append(k, x));
      else if (v !== null && v !== undefined && v !== "") u.append(k, v);
    }
    const s = u.toString();
    return s ? "?" + s : "";
  }

  /** Every row of a list endpoint, page by page, up to `max` rows. */
  async function all(path, params, max) {
    let rows = [], cursor = null;
    do {
      const page = await api(path + qs(Object.assign({}, params, { cursor, limit: 500 })));
      rows = rows.concat(page.items);
      cursor = page.next_cursor;
    } while (cursor && rows.length < (max || 2000));
    return { rows, more: Boolean(cursor) };
  }

  /** A filter form's non-empty values; submitting it puts them in the URL and calls `load`. */
  function filterForm(form, load) {
    const values = () => Object.fromEntries(
      [...new FormData(form).entries()].filter(([, v]) => v !== ""));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      history.replaceState(null, "", location.pathname + qs(values()));
      load();
    });
    return values;
  }

  /** Download a filtered list as JSONL or CSV (fetched with the token, saved as a file). */
  async function download(path, params, format) {
    const response = await fetch(path + qs(Object.assign({}, params, { format })), { headers: headers() });
    if (!response.ok) { status("Download failed: " + response.status, "error"); return; }
    const blob = await response.blob();
    const a = el("a", { href: URL.createObjectURL(blob), download: path.replace(/\W/g, "") + "." + format });
    document.body.append(a);
    a.click();
    a.remove();
  }

  function params() { return new URLSearchParams(location.search); }

  // -- shared widgets -----------------------------------------------------------------

  function quadBadge(quad) {
    return el("span", { class: "badge q" + quad, title: QUAD[quad] || "" }, QUAD[quad] || "no quad class");
  }

  function legend() {
    return el("div", { class: "legend" },
      [1, 2, 3, 4].map((q) => el("span", {}, el("span", { class: "sw q" + q }), QUAD[q])));
  }

  function sideText(side) {
    return (side || []).map((a) => a.code ? `${a.text} (${a.code})` : a.text).join(", ") || "—";
  }

  /**
   * Text with highlighted spans: spans are {start, end, cls, attrs}, offsets into `text`;
   * overlapping spans split the text into segments carrying every covering span's classes.
   */
  function highlight(text, spans, offset) {
    offset = offset || 0;
    const cuts = new Set([0, text.length]);
    const inside = spans.filter((s) => s.end > offset && s.start < offset + text.length && s.end > s.start);
    inside.forEach((s) => { cuts.add(Math.max(0, s.start - offset)); cuts.add(Math.min(text.length, s.end - offset)); });
    const points = [...cuts].sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const piece = text.slice(a, b);
      const cover = inside.filter((s) => s.start - offset <= a && s.end - offset >= b);
      if (!cover.length) { frag.append(piece); continue; }
      const attrs = { class: cover.map((s) => s.cls).join(" ") };
      cover.forEach((s) => Object.assign(attrs, s.attrs || {}));
      frag.append(el("span", attrs, piece));
    }
    return frag;
  }

  // -- evidence -------------------------------------------------------------------------

  function closeEvidence() {
    const box = document.getElementById("evidence");
    box.hidden = true;
    box.replaceChildren();
    document.querySelectorAll(".sel").forEach((n) => n.classList.remove("sel"));
  }

  /** Show an event and its evidence sentence in the side panel. */
  function renderEvidence(ev, docId, docTitle) {
    const box = document.getElementById("evidence");
    const s = ev.sentence || { text: "", start: 0 };
    const spans = [];
    if (ev.trigger) spans.push({ start: ev.trigger.start, end: ev.trigger.end, cls: "trigger q" + ev.quad });
    (ev.actor || []).forEach((a) => spans.push({ start: a.start, end: a.end, cls: "mention" }));
    (ev.recipient || []).forEach((a) => spans.push({ start: a.start, end: a.end, cls: "mention recipient" }));
    const link = docId ? `/app/article?id=${encodeURIComponent(docId)}&event=${encodeURIComponent(ev.id)}` : null;
    box.replaceChildren(
      el("button", { class: "plain close", onclick: closeEvidence, "aria-label": "close" }, "×"),
      el("h2", {}, `${ev.event} `, el("span", { class: "muted" }, `CAMEO ${ev.cameo || "?"}`)),
      el("div", { class: "hl-row" }, quadBadge(ev.quad),
        ev.negated ? el("span", { class: "badge q4" }, "negated") : null,
        ev.modality && ev.modality !== "asserted" ? el("span", { class: "badge q3" }, ev.modality) : null),
      el("div", { class: "sentence", "data-testid": "evidence-sentence" }, highlight(s.text, spans, s.start)),
      el("dl", { class: "facts" },
        el("dt", {}, "actor"), el("dd", {}, sideText(ev.actor)),
        el("dt", {}, "recipient"), el("dd", {}, sideText(ev.recipient)),
        el("dt", {}, "trigger"), el("dd", {}, ev.trigger ? `“${ev.trigger.text}” at ${ev.trigger.start}–${ev.trigger.end}` : "—"),
        el("dt", {}, "date"), el("dd", {}, ev.date || "—"),
        el("dt", {}, "location"), el("dd", {}, ev.location || "—"),
        el("dt", {}, "Goldstein"), el("dd", {}, ev.goldstein ?? "—"),
        el("dt", {}, "confidence"), el("dd", {}, ev.confidence ?? "—"),
        ev.source_of_claim ? [el("dt", {}, "claimed by"), el("dd", {}, sideText([ev.source_of_claim]))] : null,
        el("dt", {}, "document"), el("dd", {}, link ? el("a", { href: link }, docTitle || docId) : (docTitle || "this article"))),
      el("details", {}, el("summary", { class: "muted" }, "why this was coded"),
        el("pre", { class: "muted" }, JSON.stringify(ev.explain || {}, null, 2))));
    box.hidden = false;
  }

  async function showEvidence(docId, eventId) {
    const ev = await api(`/events/${encodeURIComponent(docId)}/${encodeURIComponent(eventId)}`);
    renderEvidence(ev, docId, ev.document_title);
  }

  // -- an analysed document -------------------------------------------------------------

  /**
   * The article view: cleaned text with actor mentions, quotes and event triggers
   * highlighted, beside lists of what was found. `doc` is the output contract's document.
   */
  function renderDocument(container, doc, focus) {
    focus = focus || {};
    const spans = [];
    (doc.actors || []).forEach((a) => (a.mentions || []).forEach((m) =>
      spans.push({ start: m.start, end: m.end, cls: "mention", attrs: { "data-actor": a.id, title: `${a.name} ${a.code || ""}` } })));
    (doc.quotes || []).forEach((q) => q.content && spans.push({
      start: q.content.start, end: q.content.end, cls: "quote", attrs: { "data-quote": q.id } }));
    (doc.events || []).forEach((e) => e.trigger && spans.push({
      start: e.trigger.start, end: e.trigger.end, cls: "trigger q" + e.quad,
      attrs: { "data-event": e.id, title: `${e.event} (${QUAD[e.quad] || "?"})` } }));
    const focusEvent = (doc.events || []).find((e) => e.id === focus.event);
    if (focusEvent && focusEvent.sentence) {
      spans.push({ start: focusEvent.sentence.start, end: focusEvent.sentence.end, cls: "focus" });
    }
    const text = el("div", { class: "text", "data-testid": "article-text" }, highlight(doc.text || "", spans));
    text.addEventListener("click", (e) => {
      const t = e.target.closest("[data-event]");
      if (!t) return;
      const ev = doc.events.find((x) => x.id === t.getAttribute("data-event"));
      if (ev) renderEvidence(ev, doc.stored === false ? null : doc.id, doc.title);
    });
    const flash = (selector) => {
      const n = text.querySelector(selector);
      if (!n) return;
      n.scrollIntoView({ block: "center", behavior: "smooth" });
      n.classList.remove("flash"); void n.offsetWidth; n.classList.add("flash");
    };
    const actorName = (id) => ((doc.actors || []).find((a) => a.id === id) || {}).name;
    const lists = el("div", { class: "lists" },
      el("h2", {}, `Events (${(doc.events || []).length})`),
      el("ul", { "data-testid": "event-list" }, (doc.events || []).map((e) => el("li", {
        onclick: () => { flash(`[data-event="${e.id}"]`); renderEvidence(e, doc.stored === false ? null : doc.id, doc.title); },
      }, el("span", { class: "sw q" + e.quad }), " ", el("b", {}, e.event), ` ${sideText(e.actor)} → ${sideText(e.recipient)}`,
        el("span", { class: "muted" }, ` “${e.trigger ? e.trigger.text : ""}”${e.negated ? " (negated)" : ""}`)))),
      el("h2", {}, `Quotes (${(doc.quotes || []).length})`),
      el("ul", {}, (doc.quotes || []).map((q) => el("li", { onclick: () => flash(`[data-quote="${q.id}"]`) },
        el("b", {}, actorName(q.speaker.actor) || q.speaker.text || "unnamed"), ": “",
        (q.content || {}).text, "”", el("span", { class: "muted" }, ` ${q.kind}`)))),
      el("h2", {}, `Actors (${(doc.actors || []).length})`),
      el("ul", {}, (doc.actors || []).map((a) => el("li", {
        onclick: () => {
          text.querySelectorAll(".mention.sel").forEach((n) => n.classList.remove("sel"));
          text.querySelectorAll(`[data-actor="${a.id}"]`).forEach((n) => n.classList.add("sel"));
          flash(`[data-actor="${a.id}"]`);
        },
      }, el("b", {}, a.name), ` ${a.code || ""} `, el("span", { class: "muted" },
        `${a.kind}${a.role ? ", " + a.role : ""} · ${(a.mentions || []).length} mentions`)))));
    container.replaceChildren(
      el("h1", {}, doc.title || doc.id),
      el("p", { class: "muted" }, [doc.date, doc.outlet, doc.url].filter(Boolean).join(" · "), " · id ", doc.id),
      el("div", { class: "legend" }, el("span", { class: "mention" }, "actor"), el("span", { class: "quote" }, "quote"),
        [1, 2, 3, 4].map((q) => el("span", { class: "trigger q" + q }, QUAD[q]))),
      el("div", { class: "article" }, text, lists));
    if (focusEvent) {
      renderEvidence(focusEvent, doc.stored === false ? null : doc.id, doc.title);
      setTimeout(() => flash(`[data-event="${focusEvent.id}"]`), 50);
    } else if (focus.quote) setTimeout(() => flash(`[data-quote="${focus.quote}"]`), 50);
  }

  // -- start-up -------------------------------------------------------------------------

  document.addEventListener("DOMContentLoaded", () => {
    const input = document.getElementById("token");
    input.value = localStorage.getItem(TOKEN_KEY) || "";
    input.addEventListener("change", () => {
      if (input.value) localStorage.setItem(TOKEN_KEY, input.value);
      else localStorage.removeItem(TOKEN_KEY);
      status("Token saved in this browser.");
    });
    document.addEventListener("keydown", (e) => { if (e.key === "Escape") closeEvidence(); });
  });

  return { QUAD, QUAD_COLOUR, TYPES, el, api, qs, all, download, filterForm, params, status, highlight, legend, quadBadge,
    sideText, renderEvidence, showEvidence, closeEvidence, renderDocument };
})();
