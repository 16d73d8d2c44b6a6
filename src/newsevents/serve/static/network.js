// Actor network: who acts on whom. Edge width is the number of events; colour runs from
// green (all cooperation, quad 1-2) through grey to red (all conflict, quad 3-4).
"use strict";
(() => {
  const { el, api, qs, QUAD, TYPES, showEvidence, status } = NE;
  const main = document.getElementById("main");
  const p = NE.params();
  const form = el("form", { class: "filters", "data-testid": "filters" },
    el("label", {}, "actor", el("input", { name: "actor", value: p.get("actor") || "", placeholder: "USA, Trump" })),
    el("label", {}, "event type", el("select", { name: "type" }, el("option", { value: "" }, "all types"),
      TYPES.map((t) => el("option", { value: t, selected: p.get("type") === t }, t)))),
    el("label", {}, "quad class", el("select", { name: "quad" }, el("option", { value: "" }, "all"),
      [1, 2, 3, 4].map((q) => el("option", { value: q, selected: p.get("quad") === String(q) }, `${q} ${QUAD[q]}`)))),
    el("label", {}, "from", el("input", { name: "since", type: "date", value: p.get("since") || "" })),
    el("label", {}, "to", el("input", { name: "until", type: "date", value: p.get("until") || "" })),
    el("label", {}, "edges", el("input", { name: "top", type: "number", min: 5, max: 500, value: p.get("top") || 60 })),
    el("button", { type: "submit" }, "Show"));
  const keyRow = el("div", { class: "legend" },
    el("span", {}, el("span", { class: "sw q2" }), "cooperation"), el("span", {}, el("span", { class: "sw", "data-grey": 1 }), "mixed"),
    el("span", {}, el("span", { class: "sw q4" }), "conflict"), el("span", { class: "muted" }, "edge width: number of events; click an edge for its events"));
  const chart = el("div", { class: "panel", "data-testid": "network" });
  const detail = el("div", { "data-testid": "dyad" });
  main.replaceChildren(el("h1", {}, "Actor network"), form, keyRow, chart, detail);

  const filters = NE.filterForm(form, () => load().catch((err) => status(err.message, "error")));

  function colour(d) {
    const total = d.cooperation + d.conflict;
    const share = total ? d.cooperation / total : 0.5; // 1 green, 0 red
    const mix = (a, b, t) => Math.round(a + (b - a) * t);
    const [r, g, b] = share >= 0.5
      ? [mix(150, 31, (share - 0.5) * 2), mix(150, 122, (share - 0.5) * 2), mix(150, 58, (share - 0.5) * 2)]
      : [mix(150, 192, (0.5 - share) * 2), mix(150, 57, (0.5 - share) * 2), mix(150, 43, (0.5 - share) * 2)];
    return `rgb(${r},${g},${b})`;
  }

  /**
   * A small force-directed layout (Fruchterman-Reingold in a unit square, with a weak pull
   * to the centre so that separate groups stay near), then scaled to fit the drawing.
   */
  function layout(nodes, edges, W, H) {
    const n = nodes.length, k = 1 / Math.sqrt(Math.max(n, 1));
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    nodes.forEach((d) => { d.x = rand(); d.y = rand(); });
    const steps = 250;
    for (let step = 0; step < steps; step++) {
      const t = 0.1 * (1 - step / steps) + 0.002;
      nodes.forEach((d) => { d.dx = 0; d.dy = 0; });
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
        const a = nodes[i], b = nodes[j];
        const dx = a.x - b.x, dy = a.y - b.y, d2 = Math.max(dx * dx + dy * dy, 1e-6);
        const f = (k * k) / d2;
        a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
      }
      edges.forEach((e) => {
        const a = e.s, b = e.t;
        const dx = a.x - b.x, dy = a.y - b.y, dist = Math.max(Math.hypot(dx, dy), 1e-3);
        const f = dist / k;
        a.dx -= dx * f; a.dy -= dy * f; b.dx += dx * f; b.dy += dy * f;
      });
      nodes.forEach((d) => {
        d.dx += (0.5 - d.x) * 1.5; d.dy += (0.5 - d.y) * 1.5;
        const len = Math.hypot(d.dx, d.dy) || 1;
        d.x += (d.dx / len) * Math.min(len, t); d.y += (d.dy / len) * Math.min(len, t);
      });
    }
    const xs = nodes.map((d) => d.x), ys = nodes.map((d) => d.y);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const left = 30, right = 170, top = 25, bottom = 25;
    nodes.forEach((d) => {
      d.x = left + ((d.x - x0) / (x1 - x0 || 1)) * (W - left - right);
      d.y = top + ((d.y - y0) / (y1 - y0 || 1)) * (H - top - bottom);
    });
  }

  async function load() {
    chart.replaceChildren(el("p", { class: "muted" }, "loading…"));
    detail.replaceChildren();
    const f = filters();
    const stats = await api("/stats" + qs(Object.assign({ date_field: "document" }, f)));
    const dyads = stats.dyads.filter((d) => d.actor !== d.recipient);
    if (!dyads.length) { chart.replaceChildren(el("p", { class: "muted" }, "No actor acts on another under these filters.")); return; }
    const byName = new Map();
    const node = (name, code) => {
      if (!byName.has(name)) byName.set(name, { name, code, degree: 0 });
      return byName.get(name);
    };
    const edges = dyads.map((d) => ({ d, s: node(d.actor, d.actor_code), t: node(d.recipient, d.recipient_code) }));
    edges.forEach((e) => { e.s.degree += e.d.n; e.t.degree += e.d.n; });
    const nodes = [...byName.values()];
    const W = Math.max(chart.clientWidth - 20, 600), H = Math.max(460, Math.min(900, 200 + nodes.length * 9));
    layout(nodes, edges, W, H);
    const maxN = Math.max(...edges.map((e) => e.d.n));
    const svg = el("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network" });
    const defs = el("defs", {});
    svg.append(defs);
    edges.forEach((e, i) => {
      const c = colour(e.d);
      const id = "arrow" + i;
      defs.append(el("marker", { id, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" },
        el("path", { d: "M0,0 L10,5 L0,10 z", fill: c })));
      // a gentle curve so that A→B and B→A stay apart; it stops at the target's rim
      const r = 5 + Math.sqrt(e.t.degree) * 2;
      const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, len = Math.hypot(dx, dy) || 1;
      const tx = e.t.x - (dx / len) * (r + 2), ty = e.t.y - (dy / len) * (r + 2);
      const mx = (e.s.x + tx) / 2 - (dy / len) * 18, my = (e.s.y + ty) / 2 + (dx / len) * 18;
      const path = el("path", {
        class: "edge", d: `M${e.s.x},${e.s.y} Q${mx},${my} ${tx},${ty}`, stroke: c,
        "stroke-width": 1.5 + 7 * Math.sqrt(e.d.n / maxN), "marker-end": `url(#${id})`,
        "data-actor": e.d.actor, "data-recipient": e.d.recipient,
      }, el("title", {}, `${e.d.actor} → ${e.d.recipient}: ${e.d.n} events (${e.d.cooperation} cooperation, ${e.d.conflict} conflict)`));
      path.addEventListener("click", () => {
        svg.querySelectorAll(".edge.sel").forEach((n) => n.classList.remove("sel"));
        path.classList.add("sel");
        showDyad(e.d);
      });
      svg.append(path);
    });
    nodes.forEach((d) => {
      const r = 5 + Math.sqrt(d.degree) * 2;
      const g = el("g", { class: "node", transform: `translate(${d.x},${d.y})` },
        el("circle", { r }), el("text", { x: r + 3, y: 4 }, d.name + (d.code ? ` ${d.code}` : "")),
        el("title", {}, `${d.name} ${d.code || ""}: ${d.degree} events`));
      g.addEventListener("click", () => {
        const on = !g.classList.contains("sel");
        svg.querySelectorAll(".node.sel").forEach((n) => n.classList.remove("sel"));
        svg.querySelectorAll(".edge").forEach((p) => {
          const mine = p.getAttribute("data-actor") === d.name || p.getAttribute("data-recipient") === d.name;
          p.classList.toggle("dim", on && !mine);
        });
        if (on) g.classList.add("sel");
      });
      svg.append(g);
    });
    chart.replaceChildren(svg, el("p", { class: "muted" }, `${nodes.length} actors, ${edges.length} pairs, from ${stats.total} events`));
  }

  async function showDyad(d) {
    const list = el("ul", {});
    detail.replaceChildren(el("div", { class: "panel lists" },
      el("h2", {}, `${d.actor} → ${d.recipient}`),
      el("p", { class: "muted" }, `${d.n} events: ${d.cooperation} cooperation, ${d.conflict} conflict, mean Goldstein ${d.goldstein ?? "—"}. Examples:`),
      list));
    for (const ex of d.examples) {
      const ev = await api(`/events/${encodeURIComponent(ex.document)}/${encodeURIComponent(ex.id)}`);
      list.append(el("li", { onclick: () => showEvidence(ex.document, ex.id) },
        el("span", { class: "sw q" + ev.quad }), " ", el("b", {}, ev.event), ` ${ev.date || ""} — `, (ev.sentence || {}).text || ""));
    }
  }

  load().catch((e) => { chart.replaceChildren(el("p", { class: "muted" }, e.message)); status(e.message, "error"); });
})();
