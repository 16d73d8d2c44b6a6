// Story timeline: every event on a time axis, one lane per event type, coloured by quad class.
"use strict";
(() => {
  const { el, api, all, qs, legend, QUAD, QUAD_COLOUR, TYPES, showEvidence, status, download } = NE;
  const main = document.getElementById("main");
  const p = NE.params();
  const form = el("form", { class: "filters", "data-testid": "filters" },
    el("label", {}, "actor", el("input", { name: "actor", value: p.get("actor") || "", placeholder: "USA, Kim Jong-un" })),
    el("label", {}, "recipient", el("input", { name: "recipient", value: p.get("recipient") || "" })),
    el("label", {}, "event type", el("select", { name: "type" }, el("option", { value: "" }, "all types"),
      TYPES.map((t) => el("option", { value: t, selected: p.get("type") === t }, t)))),
    el("label", {}, "quad class", el("select", { name: "quad" }, el("option", { value: "" }, "all"),
      [1, 2, 3, 4].map((q) => el("option", { value: q, selected: p.get("quad") === String(q) }, `${q} ${QUAD[q]}`)))),
    el("label", {}, "text", el("input", { name: "search", value: p.get("search") || "" })),
    el("label", {}, "from", el("input", { name: "since", type: "date", value: p.get("since") || "" })),
    el("label", {}, "to", el("input", { name: "until", type: "date", value: p.get("until") || "" })),
    el("label", {}, "date", el("select", { name: "date_field" },
      el("option", { value: "document", selected: p.get("date_field") !== "event" }, "publication"),
      el("option", { value: "event", selected: p.get("date_field") === "event" }, "event's own"))),
    el("button", { type: "submit" }, "Show"),
    el("button", { type: "button", class: "plain", onclick: () => download("/events", filters(), "csv") }, "CSV"),
    el("button", { type: "button", class: "plain", onclick: () => download("/events", filters(), "jsonl") }, "JSONL"));
  const summary = el("p", { class: "muted", "data-testid": "summary" });
  const chart = el("div", { class: "panel", "data-testid": "timeline" });
  main.replaceChildren(el("h1", {}, "Story timeline"), form, el("div", { class: "hl-row" }, legend(), summary), chart);

  const filters = NE.filterForm(form, load);

  async function load() {
    chart.replaceChildren(el("p", { class: "muted" }, "loading…"));
    const f = filters();
    const { rows, more } = await all("/events", f, 3000);
    const day = (e) => (f.date_field === "event" ? e.date : e.document_date);
    const events = rows.filter((e) => day(e));
    summary.textContent = `${rows.length}${more ? "+" : ""} events` +
      (rows.length > events.length ? ` (${rows.length - events.length} without a date not shown)` : "");
    draw(events, day);
  }

  function draw(events, day) {
    if (!events.length) { chart.replaceChildren(el("p", { class: "muted" }, "No events match these filters.")); return; }
    const lanes = TYPES.filter((t) => events.some((e) => e.event === t));
    const times = events.map((e) => Date.parse(day(e)));
    let t0 = Math.min(...times), t1 = Math.max(...times);
    if (t1 === t0) { t0 -= 864e5 * 15; t1 += 864e5 * 15; }
    const pad = (t1 - t0) * 0.03; t0 -= pad; t1 += pad;
    const W = Math.max(chart.clientWidth - 20, 600), left = 100, right = 20, laneH = 34, top = 10;
    const H = top + lanes.length * laneH + 40;
    const x = (t) => left + ((t - t0) / (t1 - t0)) * (W - left - right);
    const svg = el("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events over time" });
    lanes.forEach((t, i) => {
      const y = top + i * laneH + laneH / 2;
      svg.append(el("line", { class: "lane", x1: left, x2: W - right, y1: y, y2: y }),
        el("text", { x: left - 8, y: y + 4, "text-anchor": "end" }, t));
    });
    // axis: month or year ticks, whichever gives a readable number
    const axisY = top + lanes.length * laneH + 6;
    const g = el("g", { class: "axis" }, el("line", { x1: left, x2: W - right, y1: axisY, y2: axisY }));
    const spanDays = (t1 - t0) / 864e5;
    const start = new Date(t0);
    const step = spanDays > 3 * 365 ? 12 * Math.ceil(spanDays / 365 / 12) : spanDays > 400 ? 3 : 1;
    let d = new Date(Date.UTC(start.getUTCFullYear(), step >= 12 ? 0 : start.getUTCMonth(), 1));
    while (d.getTime() <= t1) {
      if (d.getTime() >= t0) {
        const tx = x(d.getTime());
        const label = step >= 12 ? String(d.getUTCFullYear()) : d.toISOString().slice(0, 7);
        g.append(el("line", { x1: tx, x2: tx, y1: axisY, y2: axisY + 5 }), el("text", { x: tx, y: axisY + 17, "text-anchor": "middle" }, label));
      }
      d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1));
    }
    svg.append(g);
    // dots: events of the same day and type are stacked a little apart
    const seen = {};
    events.forEach((e) => {
      const key = e.event + day(e);
      const n = (seen[key] = (seen[key] || 0) + 1) - 1;
      const lane = lanes.indexOf(e.event);
      const y = top + lane * laneH + laneH / 2 + ((n % 5) - 2) * 6;
      const c = el("circle", {
        class: "ev", cx: x(Date.parse(day(e))) + Math.floor(n / 5) * 7, cy: y, r: 4.5,
        fill: QUAD_COLOUR[e.quad] || "#999", "data-document": e.document, "data-event": e.id,
        tabindex: 0, role: "button",
      }, el("title", {}, `${day(e)} ${e.event}: ${NE.sideText(e.actor)} → ${NE.sideText(e.recipient)}\n${(e.sentence || {}).text || ""}`));
      const open = () => {
        svg.querySelectorAll("circle.sel").forEach((n) => n.classList.remove("sel"));
        c.classList.add("sel");
        showEvidence(e.document, e.id).catch(() => {});
      };
      c.addEventListener("click", open);
      c.addEventListener("keydown", (k) => { if (k.key === "Enter") open(); });
      svg.append(c);
    });
    chart.replaceChildren(svg);
  }

  load().catch((e) => { chart.replaceChildren(el("p", { class: "muted" }, e.message)); status(e.message, "error"); });
})();
