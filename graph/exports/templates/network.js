// The qantar network page. Data comes from the JSON block written by
// qantar.graph.exports.html; every text from articles goes in with textContent.
'use strict';
(function () {
  const D = JSON.parse(document.getElementById('qantar-data').textContent);
  // undo qantar.graph.exports.html.packed: empty fields back, article numbers to ids
  for (const [list, blank] of [[D.nodes, D.blank.nodes], [D.edges, D.blank.edges],
    [Object.values(D.statements), D.blank.statements]]) {
    const fields = Object.entries(blank);
    for (const x of list) for (const [k, v] of fields) if (!Object.hasOwn(x, k)) x[k] = Array.isArray(v) ? [] : v;
  }
  for (const n of D.nodes) n.articles = n.articles.map((i) => D.article_ids[i]);
  for (const st of Object.values(D.statements)) st.article = D.article_ids[st.article];
  performance.mark('qantar:parsed'); // marks: where the load time goes (bench/html_page.py)
  const $ = (id) => document.getElementById(id);
  const byId = new Map(D.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(D.edges.map((e) => [e.id, e]));
  const typeInfo = new Map(D.legend.types.map((t) => [t.type, t]));
  const relInfo = new Map(D.legend.relations.map((r) => [r.type, r]));

  // --- small DOM helper: strings become text nodes, never markup ---------------------
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === 'text') node.textContent = v;
      else if (k === 'class') node.className = v;
      else if (k === 'on') for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
      else node.setAttribute(k, v);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }
  const safeUrl = (url) => (/^https?:\/\//i.test(url || '') ? url : null);

  // --- name folding: the table and rules of qantar.loaders.normalize ------------------
  const RULES = D.fold.rules.map(([src, repl]) => [new RegExp(src, 'g'), repl]);
  function foldChar(ch) {
    const low = ch.toLowerCase();
    if (Object.hasOwn(D.fold.cyrillic, low)) return D.fold.cyrillic[low];
    // "İ" lower-cases to "i" and a combining dot, as Python's casefold: fold the marks away
    // before asking whether a letter is left
    const bare = low.normalize('NFKD').replace(/\p{M}/gu, '');
    if (bare && /^[\p{L}\p{N}]+$/u.test(bare)) return bare;
    if (/^[\p{L}\p{N}]+$/u.test(low)) return low;
    return ' ';
  }
  function fold(text) {
    let out = '';
    for (const ch of text) {
      const f = foldChar(ch);
      if (f === ' ') { if (out && !out.endsWith(' ')) out += ' '; } else out += f;
    }
    for (const [re, repl] of RULES) out = out.replace(re, repl);
    return out.trim();
  }

  // --- dates: ISO days <-> day numbers -------------------------------------------------
  const DAY = 86400000;
  const toDay = (iso) => (/^\d{4}-\d{2}-\d{2}$/.test(iso || '')
    ? Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY) : null);
  const toIso = (day) => new Date(day * DAY).toISOString().slice(0, 10);
  const dated = [...D.edges, ...D.nodes.filter((n) => n.type === 'event')].filter((x) => x.t0);
  for (const x of dated) { x.d0 = toDay(x.t0); x.d1 = toDay(x.t1 || x.t0); }
  const minDay = dated.reduce((m, x) => Math.min(m, x.d0), dated.length ? Infinity : 0);
  const maxDay = dated.reduce((m, x) => Math.max(m, x.d1), dated.length ? -Infinity : 0);

  // --- state -------------------------------------------------------------------------
  const S = {
    types: new Set(D.legend.types.map((t) => t.type)),
    rels: new Set(D.legend.relations.map((r) => r.type)),
    from: D.meta.from ? Math.max(minDay, toDay(D.meta.from)) : minDay,
    to: D.meta.to ? Math.min(maxDay, toDay(D.meta.to)) : maxDay,
    keepUndated: true,
    focus: D.meta.focus || null,
    depth: D.meta.depth || 1,
    colourBy: D.meta.colour_by,
    sizeBy: D.meta.size_by,
    selected: null,
  };
  let visibleNodes = new Set(byId.keys());
  let visibleEdges = new Set(edgeById.keys());

  // --- colours -----------------------------------------------------------------------
  function hsl2hex(h, s, l) {
    const f = (n) => {
      const k = (n + h / 30) % 12;
      const c = l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
      return Math.round(255 * c).toString(16).padStart(2, '0');
    };
    return '#' + f(0) + f(8) + f(4);
  }
  // generated, not a palette: evenly spread hues by the golden angle
  const communityColour = (c) => (c < 0 ? '#BAB0AC' : hsl2hex((c * 137.508) % 360, 0.62, 0.52));
  const nodeColour = (n) => (S.colourBy === 'community' ? communityColour(n.community) : typeInfo.get(n.type).colour);

  // --- vis-network ---------------------------------------------------------------------
  function visNode(n) {
    const colour = nodeColour(n);
    return {
      id: n.id, x: n.x, y: n.y, value: S.sizeBy === 'cited' ? n.articles.length : n[S.sizeBy] || 0,
      shape: n.type === 'event' ? 'diamond' : 'dot',
      color: { background: colour, border: '#333333', highlight: { background: colour, border: '#000000' }, hover: { background: colour, border: '#000000' } },
    };
  }
  const showEdgeLabels = D.edges.length <= 300;
  function visEdge(e) {
    const colour = relInfo.get(e.type).colour;
    return {
      id: e.id, from: e.from, to: e.to, arrows: 'to',
      color: { color: colour, highlight: colour, hover: colour, opacity: 0.85 },
      width: 1 + Math.log2(Math.max(1, e.sources || 1)),
      smooth: e.roundness ? { enabled: true, type: 'curvedCW', roundness: e.roundness } : false,
      // a folded event's name is in its evidence card; on the line it would be clutter
      label: showEdgeLabels && e.type !== 'SHARED_EVENT' ? (e.detail || relInfo.get(e.type).label) : undefined,
      dashes: e.modality === 'alleged' || e.modality === 'denied',
    };
  }
  const nodeSet = new vis.DataSet(D.nodes.map(visNode));
  const edgeSet = new vis.DataSet(D.edges.map(visEdge));
  const nodeView = new vis.DataView(nodeSet, { filter: (n) => visibleNodes.has(n.id) });
  const edgeView = new vis.DataView(edgeSet, { filter: (e) => visibleEdges.has(e.id) });
  const big = D.nodes.length > 1000;
  performance.mark('qantar:datasets');
  const network = new vis.Network($('net'), { nodes: nodeView, edges: edgeView }, {
    physics: false,
    layout: { improvedLayout: false },
    interaction: { hover: !big, hideEdgesOnDrag: big, hideEdgesOnZoom: big, tooltipDelay: 300 },
    nodes: {
      font: { size: 14, face: 'system-ui, sans-serif', strokeWidth: 3, strokeColor: '#ffffff' },
      borderWidth: 1,
      scaling: {
        min: 7, max: 34,
        label: { enabled: true, min: 16, max: 32, drawThreshold: 5, maxVisible: 36 },
        customScalingFunction: (min, max, total, value) => (max === min ? 0.3 : Math.sqrt((value - min) / (max - min))),
      },
    },
    edges: { font: { size: 10, align: 'middle', color: '#555555', strokeWidth: 3 }, selectionWidth: 2 },
  });
  performance.mark('qantar:network');

  // --- labels: by importance and zoom, never on top of each other ----------------------
  // vis-network would draw every label, and at real size they pile into blocks. The page
  // draws them itself after each frame: the most important node first (the size
  // measure), each label only where it lies inside the view and overlaps none already
  // drawn, so zooming in names more nodes.
  const LABEL_PX = 13;
  const labelWidth = new Map();
  let drawnLabels = [];
  const importance = (n) => (S.sizeBy === 'cited' ? n.articles.length : n[S.sizeBy] || 0);
  function drawLabels(ctx) {
    const scale = network.getScale();
    const width = $('net').clientWidth, height = $('net').clientHeight;
    const ids = [...visibleNodes].sort((a, b) => importance(byId.get(b)) - importance(byId.get(a))
      || byId.get(b).degree - byId.get(a).degree || (a < b ? -1 : 1));
    const pos = network.getPositions(ids);
    const cell = 64, grid = new Map(), drawn = [];
    const overlaps = (b) => {
      for (let gx = Math.floor(b.x0 / cell); gx <= Math.floor(b.x1 / cell); gx++) {
        for (let gy = Math.floor(b.y0 / cell); gy <= Math.floor(b.y1 / cell); gy++) {
          for (const o of grid.get(gx + ',' + gy) || []) {
            if (b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1) return true;
          }
        }
      }
      return false;
    };
    ctx.save();
    ctx.font = `${LABEL_PX}px system-ui, sans-serif`;
    for (const id of ids) {
      const n = byId.get(id);
      if (!labelWidth.has(n.name)) labelWidth.set(n.name, ctx.measureText(n.name).width);
    }
    ctx.font = `${LABEL_PX / scale}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.lineWidth = 3 / scale;
    ctx.strokeStyle = '#ffffff';
    ctx.fillStyle = '#222222';
    for (const id of ids) {
      const p = pos[id];
      const body = network.body.nodes[id];
      if (!p || !body) continue;
      const dom = network.canvasToDOM(p);
      const gap = ((body.shape && body.shape.radius) || body.options.size || 8) * scale + 2;
      const w = labelWidth.get(byId.get(id).name);
      const b = { id, x0: dom.x - w / 2 - 2, x1: dom.x + w / 2 + 2, y0: dom.y + gap, y1: dom.y + gap + LABEL_PX + 3 };
      if (b.x0 < 0 || b.y0 < 0 || b.x1 > width || b.y1 > height || overlaps(b)) continue;
      for (let gx = Math.floor(b.x0 / cell); gx <= Math.floor(b.x1 / cell); gx++) {
        for (let gy = Math.floor(b.y0 / cell); gy <= Math.floor(b.y1 / cell); gy++) {
          const key = gx + ',' + gy;
          if (!grid.has(key)) grid.set(key, []);
          grid.get(key).push(b);
        }
      }
      drawn.push(b);
      const y = p.y + gap / scale;
      ctx.strokeText(byId.get(id).name, p.x, y);
      ctx.fillText(byId.get(id).name, p.x, y);
    }
    ctx.restore();
    drawnLabels = drawn;
  }
  network.on('afterDrawing', drawLabels);
  // handles for scripted checks and the console: the labels drawn (boxes in pixels of
  // the drawing area) and the nodes shown
  window.qantar = { network, fold, labels: () => drawnLabels, shown: () => [...visibleNodes] };

  // actors with no tie on this page: a list beside the drawing, not a grid below it
  if (D.meta.unconnected && D.meta.unconnected.length) {
    $('unconnected').hidden = false;
    $('unconnected-list').replaceChildren(...D.meta.unconnected.map((u) => el('li', {},
      el('span', { class: 'swatch', style: `background:${(typeInfo.get(u.type) || { colour: '#BAB0AC' }).colour}` }),
      el('span', { text: u.name }))));
  }

  // timeline view: a light day axis behind the graph
  if (D.meta.axis && D.meta.axis.length) {
    network.on('beforeDrawing', (ctx) => {
      const top = network.DOMtoCanvas({ x: 0, y: 0 }).y;
      const bottom = network.DOMtoCanvas({ x: 0, y: $('net').clientHeight }).y;
      ctx.save();
      ctx.strokeStyle = '#e4e4e4';
      ctx.fillStyle = '#666666';
      ctx.font = `${Math.max(11, 12 / network.getScale())}px system-ui, sans-serif`;
      ctx.textAlign = 'center';
      let free = -Infinity; // a label is skipped where it would overlap the previous one
      for (const tick of D.meta.axis) {
        ctx.beginPath(); ctx.moveTo(tick.x, top); ctx.lineTo(tick.x, bottom); ctx.stroke();
        const half = ctx.measureText(tick.label).width / 2;
        if (tick.x - half < free) continue;
        ctx.fillText(tick.label, tick.x, top + 16 / network.getScale());
        free = tick.x + half + 8 / network.getScale();
      }
      ctx.restore();
    });
  }

  // --- filtering -----------------------------------------------------------------------
  // The rule of qantar.graph.analytics.restrict: relations and events overlapping the
  // range (undated relations kept when asked); with a narrower range, actors only when
  // one of their relations is visible.
  function compute() {
    const narrowed = S.from > minDay || S.to < maxDay;
    const inRange = (x) => {
      if (!x.dated && S.keepUndated) return true;
      if (x.d0 === undefined || x.d0 === null) return !narrowed;
      return x.d1 >= S.from && x.d0 <= S.to;
    };
    let nodes = new Set(D.nodes.filter((n) => S.types.has(n.type) && (n.type !== 'event' || inRange(n))).map((n) => n.id));
    let edges = D.edges.filter((e) => S.rels.has(e.type) && nodes.has(e.from) && nodes.has(e.to) && inRange(e));
    if (narrowed) {
      const touched = new Set();
      for (const e of edges) { touched.add(e.from); touched.add(e.to); }
      nodes = new Set([...nodes].filter((id) => touched.has(id) || byId.get(id).type === 'event'));
    }
    if (S.focus && byId.has(S.focus)) {
      nodes.add(S.focus);
      const adj = new Map();
      for (const e of edges) {
        if (!adj.has(e.from)) adj.set(e.from, []);
        if (!adj.has(e.to)) adj.set(e.to, []);
        adj.get(e.from).push(e.to); adj.get(e.to).push(e.from);
      }
      const reach = new Set([S.focus]);
      let ring = [S.focus];
      for (let d = 0; d < S.depth; d++) {
        const next = [];
        for (const id of ring) for (const m of adj.get(id) || []) if (!reach.has(m) && nodes.has(m)) { reach.add(m); next.push(m); }
        ring = next;
      }
      nodes = reach;
      edges = edges.filter((e) => reach.has(e.from) && reach.has(e.to));
    }
    visibleNodes = nodes;
    visibleEdges = new Set(edges.map((e) => e.id));
    nodeView.refresh();
    edgeView.refresh();
    const counts = $('counts');
    counts.dataset.nodes = String(visibleNodes.size);
    counts.dataset.edges = String(visibleEdges.size);
    counts.textContent = `${visibleNodes.size} of ${D.nodes.length} nodes · ${visibleEdges.size} of ${D.edges.length} edges`;
    $('focus-box').hidden = !S.focus;
    if (S.focus) $('focus-text').textContent = `${byId.get(S.focus).name}, depth ${S.depth}`;
    writeHash();
  }

  // --- legend and filters --------------------------------------------------------------
  function legendItem(colour, label, count, checked, onToggle, lineSwatch) {
    const box = el('input', { type: 'checkbox' });
    box.checked = checked;
    box.addEventListener('change', () => onToggle(box.checked));
    return el('label', { class: 'legend-item' }, box,
      el('span', { class: 'swatch' + (lineSwatch ? ' line' : ''), style: `background:${colour}` }),
      el('span', { text: label }), el('span', { class: 'count', text: String(count) }));
  }
  function buildLegend() {
    const types = $('legend-types');
    types.replaceChildren(...D.legend.types.map((t) => {
      const item = legendItem(t.colour, t.label, t.count, S.types.has(t.type), (on) => {
        if (on) S.types.add(t.type); else S.types.delete(t.type);
        compute();
      });
      item.dataset.type = t.type;
      return item;
    }));
    const rels = $('legend-relations');
    if (!D.legend.relations.length) rels.replaceChildren(el('p', { class: 'hint', text: 'No relations in this graph yet.' }));
    else rels.replaceChildren(...D.legend.relations.map((r) => {
      const item = legendItem(r.colour, r.label, r.count, S.rels.has(r.type), (on) => {
        if (on) S.rels.add(r.type); else S.rels.delete(r.type);
        compute();
      }, true);
      item.dataset.relation = r.type;
      return item;
    }));
    const comms = $('legend-communities');
    comms.hidden = S.colourBy !== 'community';
    if (S.colourBy === 'community') {
      const sizes = new Map();
      for (const n of D.nodes) if (n.community >= 0) sizes.set(n.community, (sizes.get(n.community) || 0) + 1);
      const shown = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 12);
      comms.replaceChildren(el('h3', { text: 'Communities' }), ...shown.map(([c, size]) => {
        const lead = D.nodes.filter((n) => n.community === c).sort((a, b) => b.pagerank - a.pagerank)[0];
        return el('div', { class: 'legend-item' }, el('span', { class: 'swatch', style: `background:${communityColour(c)}` }),
          el('span', { text: `${c}: ${lead ? lead.name : ''}` }), el('span', { class: 'count', text: String(size) }));
      }));
    }
  }
  function restyleNodes() {
    nodeSet.update(D.nodes.map(visNode));
    buildLegend();
  }

  // --- date range --------------------------------------------------------------------
  const fromRange = $('from-range'), toRange = $('to-range');
  const fromDate = $('from-date'), toDate = $('to-date');
  function syncDates() {
    fromRange.value = String(S.from); toRange.value = String(S.to);
    fromDate.value = toIso(S.from); toDate.value = toIso(S.to);
  }
  if (!dated.length) {
    $('dates').querySelectorAll('.range, .range-dates, label').forEach((i) => { i.hidden = true; });
    $('dates').querySelector('.hint').textContent = 'No dated relations or events on this page.';
  } else {
    for (const r of [fromRange, toRange]) { r.min = String(minDay); r.max = String(maxDay); r.step = '1'; }
    for (const d of [fromDate, toDate]) { d.min = toIso(minDay); d.max = toIso(maxDay); }
    fromRange.addEventListener('input', () => { S.from = Math.min(+fromRange.value, S.to); syncDates(); compute(); });
    toRange.addEventListener('input', () => { S.to = Math.max(+toRange.value, S.from); syncDates(); compute(); });
    fromDate.addEventListener('change', () => { const d = toDay(fromDate.value); if (d !== null && !isNaN(d)) { S.from = Math.max(minDay, Math.min(d, S.to)); } syncDates(); compute(); });
    toDate.addEventListener('change', () => { const d = toDay(toDate.value); if (d !== null && !isNaN(d)) { S.to = Math.min(maxDay, Math.max(d, S.from)); } syncDates(); compute(); });
    syncDates();
  }
  $('keep-undated').addEventListener('change', (ev) => { S.keepUndated = ev.target.checked; compute(); });

  // --- search --------------------------------------------------------------------------
  function search(query) {
    const k = fold(query);
    if (!k) return [];
    const hits = [];
    for (const n of D.nodes) {
      let best = 9, via = '';
      n.keys.forEach((key, i) => {
        const rank = key === k ? 0 : (` ${key} `).includes(` ${k} `) ? 1
          : (key.startsWith(k) || key.includes(` ${k}`)) ? 2 : key.includes(k) ? 3 : 9;
        if (rank < best) { best = rank; via = n.spellings[i]; }
      });
      if (best < 9) hits.push({ n, best, via });
    }
    hits.sort((a, b) => a.best - b.best || b.n.pagerank - a.n.pagerank || a.n.name.localeCompare(b.n.name));
    return hits.slice(0, 20);
  }
  const results = $('results');
  $('search').addEventListener('input', (ev) => {
    const hits = search(ev.target.value);
    results.replaceChildren(...hits.map(({ n, via }) => el('li', { 'data-id': n.id, on: { click: () => { results.hidden = true; selectNode(n.id, true); } } },
      el('span', { class: 'swatch', style: `background:${nodeColour(n)}` }), ' ', n.name,
      via && via !== n.name ? el('span', { class: 'via', text: via }) : null)));
    if (!hits.length && ev.target.value.trim()) results.replaceChildren(el('li', { class: 'none', text: 'No match' }));
    results.hidden = !ev.target.value.trim();
  });
  document.addEventListener('click', (ev) => { if (!$('search-box').contains(ev.target)) results.hidden = true; });
  $('search').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') { const first = results.querySelector('li[data-id]'); if (first) first.click(); }
    if (ev.key === 'Escape') results.hidden = true;
  });

  // --- side panel ------------------------------------------------------------------------
  const relLabel = (e) => relInfo.get(e.type).label;
  function when(e) {
    const parts = [];
    if (e.date) parts.push(e.date);
    else if (e.start_date || e.end_date) parts.push(`${e.start_date || '?'}–${e.end_date || ''}`);
    if (e.status && e.status !== 'unknown') parts.push(e.status);
    return parts.join(', ');
  }
  function relationLine(e, self) {
    const out = e.from === self;
    const other = byId.get(out ? e.to : e.from);
    const extra = [e.detail, when(e)].filter(Boolean).join(', ');
    const text = out ? `${relLabel(e)} → ${other.name}` : `${other.name} → ${relLabel(e)}`;
    return el('button', { type: 'button', class: 'rel', style: `border-left-color:${relInfo.get(e.type).colour}`, 'data-edge': e.id,
      on: { click: () => { network.selectEdges([e.id]); showEdge(e.id); } } },
    text + (extra ? ` (${extra})` : ''));
  }
  function articleItem(aid) {
    const a = D.articles[aid];
    if (!a) return null;
    const label = [a.publisher, a.published].filter(Boolean).join(', ');
    const url = safeUrl(a.url);
    const title = url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: a.title || url }) : el('span', { text: a.title || aid });
    return el('li', {}, title, label ? ` (${label})` : '');
  }
  function selectNode(id, centre) {
    const n = byId.get(id);
    if (!n) return;
    S.selected = id;
    if (visibleNodes.has(id)) {
      network.selectNodes([id]);
      if (centre) network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false });
    }
    const panel = $('panel');
    const kind = [n.type, n.kind].filter(Boolean).join(' · ');
    const items = [el('h2', { text: n.name }), el('div', { class: 'sub', text: kind })];
    if (n.description) items.push(el('p', { text: n.description }));
    if (n.type === 'event' && n.date) items.push(el('p', { text: `Date: ${n.date}` }));
    if (n.dates && n.dates.length) items.push(el('p', { class: 'conflict', text: `Dates differ: ${n.dates.join(' · ')}` }));
    const others = n.spellings.filter((s) => s !== n.name);
    if (others.length) items.push(el('h3', { text: 'Also written' }), el('p', { class: 'names', text: others.join(' · ') }));
    items.push(el('p', { class: 'metrics', text: `degree ${n.degree.toFixed(3)} · betweenness ${n.betweenness.toFixed(3)} · PageRank ${n.pagerank.toFixed(3)} · community ${n.community}` }));
    const mine = D.edges.filter((e) => e.from === id || e.to === id);
    for (const group of D.meta.groups) {
      const rels = mine.filter((e) => relInfo.get(e.type).group === group);
      if (rels.length) items.push(el('h3', { text: group }), ...rels.map((e) => relationLine(e, id)));
    }
    const focusButton = el('button', { type: 'button', id: 'focus-node', on: { click: () => setFocus(id) } }, `Focus (depth ${S.depth})`);
    items.push(el('p', {}, focusButton));
    if (n.articles.length) items.push(el('h3', { text: `Cited in ${n.articles.length} article${n.articles.length > 1 ? 's' : ''}` }), el('ul', { class: 'plain' }, ...n.articles.map(articleItem)));
    panel.replaceChildren(...items);
    panel.dataset.node = id;
    $('evidence').replaceChildren();
    $('side').prepend(panel);
    $('side').scrollTop = 0;
  }
  function showEdge(id) {
    const e = edgeById.get(id);
    if (!e) return;
    const box = $('evidence');
    $('side').prepend(box); // evidence above the panel, in view
    const head = el('div', {}, el('h3', { text: 'Evidence' }),
      el('p', { text: `${byId.get(e.from).name} → ${relLabel(e)} → ${byId.get(e.to).name}` }),
      el('p', { class: 'sub', text: [e.detail, when(e), `${e.sources} source${e.sources === 1 ? '' : 's'}`, e.modality].filter(Boolean).join(' · ') }));
    const cards = e.statements.map((sid) => {
      const st = D.statements[sid];
      if (!st) return null;
      const a = D.articles[st.article] || {};
      const url = safeUrl(a.url);
      const meta = el('div', { class: 'meta' },
        el('span', { class: `tag ${st.modality}`, text: st.modality || 'reported' }),
        el('span', { class: 'outlet', text: a.publisher || 'unknown outlet' }), ', ',
        el('span', { class: 'date', text: a.published || 'undated' }),
        st.speaker ? el('div', { class: 'speaker', text: `said by ${st.speaker_name || st.speaker}` }) : null,
        url ? el('div', {}, el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: a.title || url })) : null);
      const card = el('div', { class: 'card', 'data-statement': sid }, el('blockquote', { class: 'quote', text: st.quote }), meta);
      return card;
    });
    box.replaceChildren(head, ...cards);
    box.dataset.edge = id;
    $('side').scrollTop = 0;
  }
  network.on('click', (p) => {
    if (p.nodes.length) selectNode(p.nodes[0], false);
    else if (p.edges.length) showEdge(p.edges[0]);
  });
  network.on('doubleClick', (p) => { if (p.nodes.length) setFocus(p.nodes[0]); });

  // --- focus and deep links ----------------------------------------------------------------
  function setFocus(id) {
    S.focus = id;
    compute();
    network.fit({ nodes: [...visibleNodes], animation: false });
    selectNode(id, false);
  }
  $('clear-focus').addEventListener('click', () => { S.focus = null; compute(); network.fit({ animation: false }); });
  $('depth').addEventListener('change', (ev) => {
    S.depth = +ev.target.value;
    compute();
    if (S.focus) network.fit({ nodes: [...visibleNodes], animation: false });
    if (S.selected) { const b = $('focus-node'); if (b) b.textContent = `Focus (depth ${S.depth})`; }
  });
  function writeHash() {
    const p = new URLSearchParams();
    if (S.focus) { p.set('node', S.focus); p.set('depth', String(S.depth)); }
    if (dated.length && S.from > minDay) p.set('from', toIso(S.from));
    if (dated.length && S.to < maxDay) p.set('to', toIso(S.to));
    if (!S.keepUndated) p.set('undated', '0');
    if (S.colourBy !== D.meta.colour_by) p.set('colour', S.colourBy);
    if (S.sizeBy !== D.meta.size_by) p.set('size', S.sizeBy);
    const hash = p.toString();
    if (hash !== location.hash.slice(1)) {
      try { history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search); } catch (err) { /* some viewers forbid it */ }
    }
  }
  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    const node = p.get('node');
    S.focus = node && byId.has(node) ? node : (p.has('node') ? null : S.focus);
    const depth = +p.get('depth');
    if (depth >= 1 && depth <= 3) S.depth = depth;
    const from = toDay(p.get('from')), to = toDay(p.get('to'));
    if (dated.length && from !== null && !isNaN(from)) S.from = Math.max(minDay, Math.min(from, maxDay));
    if (dated.length && to !== null && !isNaN(to)) S.to = Math.min(maxDay, Math.max(to, S.from));
    S.keepUndated = p.get('undated') !== '0';
    $('keep-undated').checked = S.keepUndated;
    if (p.get('colour') === 'community' || p.get('colour') === 'type') S.colourBy = p.get('colour');
    if (D.meta.size_options.includes(p.get('size'))) S.sizeBy = p.get('size');
    $('depth').value = String(S.depth);
    $('colour-by').value = S.colourBy;
    $('size-by').value = S.sizeBy;
    if (dated.length) syncDates();
  }
  window.addEventListener('hashchange', () => {
    readHash(); restyleNodes(); compute();
    if (S.focus) { network.fit({ nodes: [...visibleNodes], animation: false }); selectNode(S.focus, false); }
  });

  // --- toolbar -------------------------------------------------------------------------
  const SIZE_NAMES = { pagerank: 'PageRank', cited: 'articles citing' };
  $('size-by').replaceChildren(...D.meta.size_options.map((m) => el('option', { value: m, text: SIZE_NAMES[m] || m })));
  $('colour-by').addEventListener('change', (ev) => { S.colourBy = ev.target.value; restyleNodes(); writeHash(); });
  $('size-by').addEventListener('change', (ev) => { S.sizeBy = ev.target.value; restyleNodes(); writeHash(); });
  $('reset').addEventListener('click', () => {
    S.types = new Set(D.legend.types.map((t) => t.type));
    S.rels = new Set(D.legend.relations.map((r) => r.type));
    S.from = minDay; S.to = maxDay; S.focus = null; S.keepUndated = true;
    $('keep-undated').checked = true;
    if (dated.length) syncDates();
    buildLegend(); compute(); network.fit({ animation: false });
  });
  $('png').addEventListener('click', () => {
    const source = $('net').querySelector('canvas');
    const out = document.createElement('canvas');
    out.width = source.width; out.height = source.height;
    const ctx = out.getContext('2d');
    ctx.fillStyle = '#ffffff'; ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(source, 0, 0);
    out.toBlob((blob) => {
      const a = el('a', { download: 'qantar-network.png', href: URL.createObjectURL(blob) });
      document.body.append(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    }, 'image/png');
  });

  // --- start ---------------------------------------------------------------------------
  readHash();
  // the DataSet was built with the page's own colour and size: restyle only if the link asks
  if (S.colourBy !== D.meta.colour_by || S.sizeBy !== D.meta.size_by) restyleNodes(); else buildLegend();
  compute();
  if (S.focus) { network.fit({ nodes: [...visibleNodes], animation: false }); selectNode(S.focus, false); } else network.fit({ animation: false });
  performance.mark('qantar:started');
  network.once('afterDrawing', () => { performance.mark('qantar:drawn'); document.body.dataset.ready = '1'; });
  network.redraw();
})();
