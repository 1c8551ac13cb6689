"""The benchmark results as Markdown: machine, each measurement, targets met or missed."""

from __future__ import annotations


def _rows(results, columns: int, row) -> list[str]:
    """Table rows of ``(label, result)`` pairs: none for a missing result, the error in
    one cell for a failed one, else ``row(label, result)``."""
    out = []
    for label, e in results:
        if not e:
            continue
        failed = "| " * (columns - label.count("|") - 2)
        out.append(f"| {label} | failed: {e['error']} {failed}|" if "error" in e
                   else row(label, e))
    return out


def _n(x, digits=0) -> str:
    if x is None:
        return "–"
    return f"{x:,.{digits}f}"


def _ratio(a, b) -> str:
    return f"{a / b:,.1f}x" if a and b else "–"


def _target(ok: bool | None, text: str) -> str:
    mark = "–" if ok is None else ("met" if ok else "**missed**")
    return f"| {text} | {mark} |"


def _get(d: dict, *keys):
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


_GROWTH_PATHS = (("embedded", "embedded"), ("neo4j", "Neo4j, transactional"),
                 ("neo4j_bulk", "Neo4j, bulk (`load --bulk`)"))


def growth_lines(g: dict) -> list[str]:
    """The growth table (bench/growth.py): each size, each path, with k per path."""
    if "sizes" not in g:
        return []
    lines = ["### Growth with the corpus", "",
             "| articles | path | seconds | statements/s | CPU s: loader / workers / engine "
             "| peak RSS MB: loader | extraction worker "
             "| engine (Neo4j server; bulk: import tool or server) |",
             "|---:|---|---:|---:|---|---:|---:|---:|"]

    def growth_row(label: str, e: dict) -> str:
        engine_mb = e.get("server_peak_rss_mb", e.get("engine_peak_rss_mb"))
        loader_mb = e.get("loader_peak_rss_mb", e["peak_rss_mb"])
        cpu = " / ".join(_n(e.get(k), 1) for k in ("cpu_s", "worker_cpu_s", "engine_cpu_s"))
        return (f"| {label} | {e['seconds']:.1f} | {_n(e['statements_per_s'])} | {cpu} | "
                f"{loader_mb:.0f} | {e.get('worker_peak_rss_mb', 0):.0f} | "
                f"{'–' if engine_mb is None else f'{engine_mb:.0f}'} |")
    lines += _rows(((f"{row['articles']:,} | {name}", row.get(key))
                    for row in g["sizes"] for key, name in _GROWTH_PATHS),
                   8, growth_row)
    fits = ", ".join(f"{dict(_GROWTH_PATHS)[k]} k = {v:.2f}"
                     for k, v in g["exponent"].items() if v is not None)
    ratios = []
    for row in g["sizes"]:
        bulk, tx = row.get("neo4j_bulk") or {}, row.get("neo4j") or {}
        if "seconds" in bulk and "seconds" in tx:
            ratios.append(f"{row['articles']:,}: {tx['seconds'] / bulk['seconds']:.1f}x")
    lines += ["", f"Fitted load time ∝ n^k: {fits or 'too few sizes'}. "
              + (f"Bulk path against transactional, same minutes: {', '.join(ratios)} "
                 "faster. " if ratios else "")
              + "The loading process holds the loader alone when it writes to Neo4j (the "
              "engine is the server, beside it) and loader and engine together for the "
              "embedded store, which runs inside it.", ""]
    return lines


def markdown(r: dict) -> str:
    m = r["machine"]
    lines = [
        "# qantar benchmarks",
        "",
        f"Run {r['date']}{' (quick mode: tiny corpus, not for comparison)' if r['quick'] else ''}; "
        f"total {r.get('total_s', 0):.0f} s. Produced by `bench/run`.",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, {m['os']}, Python "
        f"{m['python']}. Load average before/after: {r.get('load_before')} / "
        f"{r.get('load_after')} (a shared machine: anything above the core count means the "
        "timings below were taken while other work competed for the CPU).",
        "",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in m["packages"].items())
        + f"; {m['chromium']}; Neo4j: {_get(r, 'neo4j', 'version') or _get(r, 'neo4j', 'skipped')}.",
        "",
    ]
    c = r["corpus"]
    lines += [
        "## Corpus",
        "",
        f"{r['articles']:,} generated articles (`bench/generate.py`, seed {c['params']['seed']}): "
        f"{c['words']:,} words, {c['bytes'] / 1e6:.1f} MB, {c['actors']:,} invented actors "
        f"({c['params']['people']:,} people with Latin and Cyrillic spellings, kinship, posts), "
        f"{c['gazetteer_names']:,} gazetteer name keys; generated in {c['generate_s']:.1f} s.",
        "",
    ]

    # 1. extraction
    ex = r.get("extraction", {})
    single = _get(ex, "single", "words_per_s")
    single_cpu = _get(ex, "single", "words_per_cpu_s")
    naive = _get(ex, "naive", "words_per_s")
    par = _get(ex, "parallel")
    spacy = _get(ex, "spacy") or {}
    sp_model = _get(spacy, "model_run", "words_per_s")
    lines += ["## 1. Extraction throughput (words/s, whole loader pipeline: read + extract)", ""]
    if "error" in ex:
        lines += [f"Failed: {ex['error']}", ""]
    else:
        lines += [
            "| pipeline | words/s | vs qantar (1 core) |",
            "|---|---:|---:|",
            f"| qantar, 1 core (wall clock) | {_n(single)} | 1.0x |",
            f"| qantar, 1 core (CPU time: what the core delivers when not shared) | {_n(single_cpu)} | – |",
            f"| qantar, {par['workers']} processes, all {par['articles']:,} articles | {_n(par['words_per_s'])} "
            f"({_n(par['words_per_s_per_core'])} per core) | {_ratio(par['words_per_s'], single)} |",
            f"| naive qantar (regex alternation over {ex['gazetteer_names']:,} name keys; same matches on "
            f"{ex['naive_agreement']:.0%} of sampled articles) | {_n(naive)} | {_ratio(naive, single)} |",
        ]
        if spacy.get("available"):
            lines += [
                f"| spaCy {spacy['spacy']} `{spacy['model']}` ({', '.join(spacy['pipes'])}), 1 core | "
                f"{_n(sp_model)} | {_ratio(sp_model, single)} |",
                f"| spaCy blank English tokenizer only | {_n(_get(spacy, 'tokenizer_run', 'words_per_s'))} | "
                f"{_ratio(_get(spacy, 'tokenizer_run', 'words_per_s'), single)} |",
            ]
        else:
            lines += [f"| spaCy: not measured ({spacy.get('reason', 'unavailable')}) | – | – |"]
        lines += [f"| published anchor: spaCy en_core_web_lg | {_n(ex['spacy_anchor']['en_core_web_lg'])} | "
                  f"{_ratio(ex['spacy_anchor']['en_core_web_lg'], single)} |", ""]
        stage = ex.get("mention_stage") or {}
        rows = [(k, v) for k, v in stage.items() if isinstance(v, dict)]
        if rows:
            lines += ["Mention finding alone (`Gazetteer.find` over the keyed text of "
                      f"{stage['articles']} articles; the text keyed once for both):", "",
                      "| gazetteer | name keys | Aho-Corasick words/s | regex alternation words/s | regex slower | same matches |",
                      "|---|---:|---:|---:|---:|---:|"]
            lines += [f"| {k} | {v['gazetteer_names']:,} | {_n(v['aho_corasick_words_per_cpu_s'])} | "
                      f"{_n(v['regex_words_per_cpu_s'])} | {v['regex_slower_x']:.1f}x | {v['same_matches']:.0%} |"
                      for k, v in rows]
            share = ex.get("mention_stage_share")
            if share is not None:
                lines += ["", f"The matcher is {share:.1%} of the whole pipeline's CPU time, so "
                          "even a much slower matcher moves the whole-pipeline figure by little."]
            lines += [""]
        lines += [f"qantar is **{_ratio(single, sp_model)}** the spaCy CNN pipeline measured in the "
                  f"same run, and **{_ratio(single, naive)}** its naive regex self." if sp_model else
                  f"qantar is {_ratio(single, naive)} its naive regex self.", ""]

    # 2. Neo4j writes
    nw = r.get("neo4j_write", {})
    lines += ["## 2. Neo4j write throughput (statement rows: node + provenance edges)", ""]
    if not nw or "error" in nw:
        lines += [f"Not measured: {nw.get('error') if nw else _get(r, 'neo4j', 'skipped')}", ""]
    else:
        b, p, lc = nw["batched"], nw["per_row"], nw["load_csv"]
        lines += [
            f"Same {nw['statements']:,} statements of {nw['articles']} articles, emptied database each time.",
            "",
            "| path | rows/s | vs per row |",
            "|---|---:|---:|",
            f"| one query per row (auto-commit) | {_n(p['rows_per_s'])} ({p['rows']:,} rows in {p['seconds']:.0f} s) | 1.0x |",
            f"| qantar batched (`Store.write`: UNWIND, whole articles per transaction) | {_n(b['rows_per_s'])} | {_ratio(b['rows_per_s'], p['rows_per_s'])} |",
            (f"| LOAD CSV … CALL IN TRANSACTIONS OF 10000 ROWS | {_n(lc['rows_per_s'])} | {_ratio(lc['rows_per_s'], p['rows_per_s'])} |"
             if "rows_per_s" in lc else f"| LOAD CSV | failed: {lc.get('error')} | – |"),
            "| published: per row / UNWIND batches / neo4j-admin import | 340 / 20,000 / 10^5–10^6 | 59x (batches) |",
            "",
        ]

    ew = r.get("embedded_write")
    if ew:
        lines += ["### Embedded write path: rows as Arrow tables vs as lists (the same queries)", ""]
        if "error" in ew:
            lines += [f"Not measured: {ew['error']}", ""]
        else:
            u, a = ew["unwind"], ew["arrow"]
            lines += [
                f"Same {ew['statements']:,} statements of {ew['articles']} articles into a fresh "
                f"store, {ew['rounds']} alternating round(s), medians; same graph: {ew['same_graph']}.",
                "",
                "| path | write s (CPU s) | write + projection s (CPU s) |",
                "|---|---:|---:|",
                f"| UNWIND $rows, lists of maps (as Neo4j takes them) | {u['write_s']:.1f} ({u['write_cpu_s']:.1f}) | {u['total_s']:.1f} ({u['total_cpu_s']:.1f}) |",
                f"| LOAD FROM $rows, Arrow tables (the embedded store's) | {a['write_s']:.1f} ({a['write_cpu_s']:.1f}) | {a['total_s']:.1f} ({a['total_cpu_s']:.1f}) |",
                f"| speed-up | {ew['speedup_write_cpu']:.1f}x CPU | {ew['speedup_total_wall']:.1f}x wall |",
                "",
            ]

    # 3/6. end to end
    lines += ["## 3. End to end: files → loaded store (and 6. peak memory)", "",
              "| load | articles | statements | seconds | statements/s | projection s | peak RSS MB (loader / largest worker) |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    loads = (("neo4j_e2e", "Neo4j"),
             ("neo4j_bulk", "Neo4j, bulk (`load --bulk`: neo4j-admin import)"),
             ("embedded_e2e", "embedded (LadybugDB)"),
             ("embedded_e2e_small", "embedded, 1/5 of the corpus"))
    lines += _rows(((label, r.get(key)) for key, label in loads), 7, lambda label, e: (
        f"| {label} | {e['articles']:,} | {e['statements']:,} | {e['seconds']:.1f} | "
        f"{_n(e['statements_per_s'])} | {e.get('projection_s', 0):.1f} | "
        f"{e['peak_rss_mb']:.0f} / {e.get('worker_peak_rss_mb', 0):.0f} |"))
    bulk = r.get("neo4j_bulk") or {}
    if "phases_s" in bulk:
        lines += ["", "The bulk path by step (s): " + ", ".join(
            f"{k} {v:.1f}" for k, v in bulk["phases_s"].items()) + "; extract is extraction "
            "writing the import's CSV files straight, with the projection. Peak RSS of "
            "the loader "
            f"{bulk.get('loader_peak_rss_mb', bulk['peak_rss_mb']):.0f} MB, of the Java "
            f"import tool or server beside it {bulk.get('engine_peak_rss_mb', 0):.0f} MB."]
    lines.append("")

    lines += growth_lines(r.get("growth") or {})

    # 4. queries
    lines += ["## 4. Query-pack latency (ms, every query with its example parameters)", "",
              "| store | queries measured | p50 | p95 | slowest (p95) |", "|---|---:|---:|---:|---|"]
    for key, label in (("neo4j_queries", "Neo4j"), ("embedded_queries", "embedded")):
        q = r.get(key)
        if not q:
            continue
        if "skipped" in q or "error" in q:
            lines.append(f"| {label} | {q.get('skipped') or q.get('error')} | | | |")
            continue
        slow = ", ".join(f"{k} {v['p95_ms']:.0f}" for k, v in q["slowest"][:3])
        lines.append(f"| {label} | {q['measured']}/{q['queries']} | {_n(q['p50_ms'], 1)} | "
                     f"{_n(q['p95_ms'], 1)} | {slow} |")
        if q.get("errors"):
            lines.append(f"| {label}: errors | {len(q['errors'])}: "
                         + "; ".join(f"{k}: {v}" for k, v in list(q["errors"].items())[:3]) + " | | | |")
    lines.append("")

    # 5. html
    lines += ["## 5. HTML export and time to interactive (headless Chromium)", "",
              "| nodes | edges | export s | file MB | load ms | interactive ms |", "|---:|---:|---:|---:|---:|---:|"]
    for h in r.get("html", []) if isinstance(r.get("html"), list) else []:
        if "error" in h:
            lines.append(f"| {h['nodes']:,} | – | {h['error']} | | | |")
            continue
        br = h.get("browser") or {}
        lines.append(f"| {h['nodes']:,} | {h['edges']:,} | {h['export_s']:.1f} | {h['bytes'] / 1e6:.2f} | "
                     f"{_n(br.get('load'))} | {_n(br.get('interactive_ms')) if 'interactive_ms' in br else br.get('error', '–')} |")
    lines.append("")

    # recall
    rc = r.get("recall") or {}
    if "mentions" in rc:
        lines += ["## Ground truth found by the loader (embedded store)", "",
                  f"Mentions {rc['mentions']:.1%} of {rc['mentions_expected']:,}; kinship edges "
                  f"{rc['kinship']:.1%} of {rc['kinship_expected']:,}; post edges {rc['posts']:.1%} of "
                  f"{rc['posts_expected']:,}.", ""]

    # targets
    neo = r.get("neo4j_e2e") or {}
    emb = r.get("embedded_e2e") or {}
    html2k = next((h for h in r.get("html", []) if isinstance(h, dict) and h.get("nodes") == 2000), {})
    ratio_rows = (_get(nw, "batched", "rows_per_s") or 0) / (_get(nw, "per_row", "rows_per_s") or 1) if nw and "batched" in nw else None
    qp95 = _get(r, "neo4j_queries", "p95_ms")
    lines += ["## Targets (2-core machine)", "", "| target | |", "|---|---|",
              _target(single and single >= 200_000 if single else None,
                      f"extraction ≥ 200,000 words/s per core: {_n(single)} wall, {_n(single_cpu)} CPU"),
              _target(ratio_rows >= 50 if ratio_rows else None,
                      f"Neo4j batched ≥ 50x per row: {ratio_rows:.1f}x" if ratio_rows else "Neo4j batched ≥ 50x per row"),
              _target((_get(nw, "batched", "rows_per_s") or 0) >= 20_000 if nw and "batched" in nw else None,
                      f"Neo4j batched ≥ 20,000 statements/s: {_n(_get(nw, 'batched', 'rows_per_s'))}"),
              _target(neo.get("seconds", 1e9) < 120 if "seconds" in neo and neo.get("articles", 0) >= 10_000 else None,
                      f"10,000 articles into Neo4j < 120 s: {neo.get('seconds', 0):.0f} s for {neo.get('articles', 0):,}"),
              _target(max(neo.get("peak_rss_mb", 0), emb.get("peak_rss_mb", 0)) < 2048 if neo or emb else None,
                      f"peak memory < 2 GB: {max(neo.get('peak_rss_mb', 0), emb.get('peak_rss_mb', 0)):.0f} MB"),
              _target(emb.get("seconds", 1e9) < neo.get("seconds", 0) if "seconds" in emb and "seconds" in neo else None,
                      f"embedded faster than Neo4j: {emb.get('seconds', 0):.0f} s vs {neo.get('seconds', 0):.0f} s"),
              _target(qp95 < 100 if qp95 is not None else None,
                      f"query packs p95 < 100 ms in Neo4j: {_n(qp95, 1)} ms"),
              _target(_get(html2k, "browser", "interactive_ms") < 3000 if _get(html2k, "browser", "interactive_ms") else None,
                      f"2,000-node page interactive < 3 s: {_n(_get(html2k, 'browser', 'interactive_ms'))} ms"),
              ""]
    lines += _why_missed(r)
    return "\n".join(lines) + "\n"


def _why_missed(r: dict) -> list[str]:
    """For each missed target, the measurements of this run that say why."""
    out = []
    ex = r.get("extraction") or {}
    single = _get(ex, "single", "words_per_cpu_s")
    prof = ex.get("profile") or {}
    if single and single < 200_000 and prof.get("top"):
        top = ", ".join(f"`{name}` {share:.0%}" for name, share in prof["top"])
        share = ex.get("mention_stage_share")
        out.append(
            f"- **Extraction** ({_n(single)} words/s per core, {200_000 / single:.1f}x short): "
            f"a profile of read + extract over {prof['articles']} articles (cProfile, own time) "
            f"puts {prof['python_share']:.0%} in the project's Python, spread over the stages: "
            f"{top}. No module holds more than {prof['top'][0][1]:.0%}"
            + (f", and the name matcher is {share:.0%}" if share is not None else "")
            + ": the target needs the per-token work of every stage in compiled code, not "
              "one hot spot made faster.")
    nw = r.get("neo4j_write") or {}
    b = _get(nw, "batched", "rows_per_s")
    lc = _get(nw, "load_csv", "rows_per_s")
    per_row = _get(nw, "per_row", "rows_per_s")
    if b and lc and per_row and (b < 20_000 or b / per_row < 50):
        out.append(
            f"- **Neo4j writes** ({_n(b)} statements/s, {b / per_row:.0f}x per row): LOAD CSV, "
            f"which reads the same rows inside the server with no driver or Python between, "
            f"reaches {_n(lc)}/s, so the batched path runs at {b / lc:.0%} of the server's own "
            f"bulk path; each statement (a node with its properties, indexes and four edges) "
            f"costs the server about {1e6 / lc:.0f} µs even there. The ratio also rests on "
            f"the per-row path, {_n(per_row)} rows/s here (the published anchor: 340).")
    neo = r.get("neo4j_e2e") or {}
    if neo.get("seconds", 0) >= 120:
        proj = neo.get("projection_s", 0.0)
        out.append(
            f"- **10,000 articles into Neo4j** ({neo['seconds']:.0f} s): projection {proj:.0f} s, "
            f"extraction and writes {neo['seconds'] - proj:.0f} s, which overlap on "
            f"{neo.get('workers', '?')} extraction processes beside the server on "
            f"{_get(r, 'machine', 'cores')} cores"
            + (f". At LOAD CSV's rate, the server's own bulk path, its {neo['statements']:,} "
               f"statements alone take {neo['statements'] / lc:.0f} s" if lc else "")
            + ": under 120 s on this machine needs an offline bulk import (neo4j-admin).")
    q = r.get("neo4j_queries") or {}
    if (q.get("p95_ms") or 0) >= 100 and q.get("per_query"):
        per = q["per_query"]
        fast = sum(1 for v in per.values() if v["p50_ms"] < 100)
        slow = sorted(((k, v) for k, v in per.items() if v["p50_ms"] >= 100),
                      key=lambda kv: -kv[1]["p50_ms"])
        stood = [k for k, v in per.items() if v.get("stand_in")]
        listed = ", ".join(f"`{k}` {_n(v['p50_ms'])} ms"
                           + (f" ({v['rows']:,} rows{'†' if v.get('stand_in') else ''})"
                              if "rows" in v else "")
                           for k, v in slow)
        out.append(
            f"- **Query p95** ({_n(q['p95_ms'], 1)} ms over every timed run): {fast} of "
            f"{len(per)} queries answer in under 100 ms (p50). The others, slowest first: "
            f"{listed}. The slowest are whole-graph reports: they read every statement or "
            "projected edge, or return thousands of rows."
            + (" † The example actor had nothing to show on this corpus, so these were timed "
               "from a stand-in with such ties (a family head, a post holder, a body): "
               + ", ".join(f"`{k}`" for k in stood)
               + "." if stood else ""))
    if out:
        out = ["## Why the missed targets are missed (measured in this run)", ""] + out + [""]
    return out
