"""The curation overlay: checked line by line, applied as traceable statements."""

from pathlib import Path

import pytest

from qantar.loaders import curation
from qantar.loaders.errors import InputError
from qantar.loaders.pipeline import default_gazetteer, extract, extract_raw
from qantar.loaders.read import read_article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
A003 = "003_cc4235c471014565.txt"
QUOTE = "Toqaev removed Nazarbaev as Security Council secretary on January 5."


def load(tmp_path, text: str) -> curation.Overlay:
    path = tmp_path / "curation.yaml"
    path.write_text(text, encoding="utf-8")
    return curation.load(path, gazetteer=default_gazetteer(), extract=extract_raw)


def test_the_seeds_overlay_is_valid_and_applied():
    overlay = curation.default()
    assert overlay.entries
    batch = extract(read_article(SEEDS / A003))
    curated = [s for s in batch.statements if s.method == "curated"]
    assert {(s.predicate, s.subject_id, s.object_id) for s in curated} >= {
        ("ally_of", "organization:kremlin", "person:kassym-jomart-tokayev")}
    for st in curated:
        assert batch.article.body[st.span_start:st.span_end] == st.quote
    roles = {(s.subject_id, s.detail) for s in batch.statements
             if s.predicate == "participated_in" and "accepted the government" in s.quote}
    assert ("person:kassym-jomart-tokayev", "agent") in roles
    assert ("person:kassym-jomart-tokayev", "subject") not in roles


def test_add_remove_merge_rename_apply(tmp_path):
    overlay = load(tmp_path, f"""
- id: declare
  action: actor
  article: {A003}
  actor: person:erlan-zhagyparov-curated
  type: person
  name: Erlan Zhagyparov
  quote: "Archaeologist Erlan Zhagyparov left his Almaty home"
- id: one-archaeologist
  action: merge
  article: {A003}
  ids: [person:erlan-zhagiparov]
  into: person:erlan-zhagyparov-curated
  quote: "Archaeologist Erlan Zhagyparov left his Almaty home"
- id: rename-guard
  action: rename
  article: {A003}
  actor: organization:national-guard
  name: National Guard of the Republic of Kazakhstan
  quote: "National Guard soldiers"
- id: not-a-dismissal
  action: remove
  article: {A003}
  predicate: dismissed
  subject: person:kassym-jomart-tokayev
  object: person:nursultan-nazarbayev
  quote: "{QUOTE}"
- id: secretary-until
  action: add
  article: {A003}
  predicate: holds_position
  subject: person:nursultan-nazarbayev
  object: organization:security-council-of-kazakhstan
  detail: secretary
  end_date: 2022-01-05
  status: former
  quote: "{QUOTE}"
""")
    raw = extract_raw(read_article(SEEDS / A003))
    batch = curation.apply(raw, overlay, default_gazetteer())
    ids = {a.id for a in batch.actors}
    assert "person:erlan-zhagiparov" in {a.id for a in raw.actors}
    assert "person:erlan-zhagiparov" not in ids and "person:erlan-zhagyparov-curated" in ids
    merged = [s for s in batch.statements if "person:erlan-zhagyparov-curated" in
              (s.subject_id, s.object_id)]
    assert merged and all(s.id not in {r.id for r in raw.statements} for s in merged)
    guard = next(a for a in batch.actors if a.id == "organization:national-guard")
    assert guard.name == "National Guard of the Republic of Kazakhstan"
    assert not [s for s in batch.statements if s.predicate == "dismissed"]
    added = [s for s in batch.statements if s.method == "curated"]
    assert [(s.end_date, s.end_precision, s.status) for s in added] == [
        ("2022-01-05", "day", "former")]
    assert batch.article.body[added[0].span_start:added[0].span_end] == QUOTE
    assert curation.apply(raw, overlay, default_gazetteer()) == batch  # pure


@pytest.mark.parametrize("entry, message, line", [
    (f"- id: a\n  action: add\n  article: {A003}\n  predicate: ally_of\n"
     f"  subject: person:nobody\n  object: organization:kremlin\n  quote: \"{QUOTE}\"\n",
     "unknown subject id 'person:nobody'", 1),
    (f"- id: a\n  action: rename\n  article: {A003}\n  actor: person:samat-abish\n"
     f"  name: S. Abish\n  quote: \"{QUOTE}\"\n"
     f"- id: a\n  action: rename\n  article: {A003}\n  actor: person:samat-abish\n"
     f"  name: S. Abish\n  quote: \"{QUOTE}\"\n", "duplicate entry id 'a'", 7),
    (f"- id: a\n  action: actor\n  article: {A003}\n  actor: person:samat-abish\n"
     f"  type: person\n  name: Samat Abish\n  quote: \"{QUOTE}\"\n",
     "duplicate actor id 'person:samat-abish'", 1),
    (f"- id: a\n  action: rename\n  article: {A003}\n  actor: person:samat-abish\n"
     f"  name: S. Abish\n  quote: \"Abish was never here\"\n",
     "quote not found in 003_cc4235c471014565.txt", 1),
    (f"- id: a\n  action: rename\n  article: 999_missing.txt\n  actor: person:samat-abish\n"
     f"  name: S. Abish\n  quote: \"{QUOTE}\"\n", "article '999_missing.txt' not found", 1),
    (f"- id: a\n  action: promote\n  article: {A003}\n  quote: \"{QUOTE}\"\n",
     "unknown action 'promote'", 1),
    (f"- id: a\n  action: add\n  article: {A003}\n  predicate: friend_of\n"
     f"  subject: person:samat-abish\n  object: organization:kremlin\n  quote: \"{QUOTE}\"\n",
     "unknown predicate 'friend_of'", 1),
    (f"- id: a\n  action: merge\n  article: {A003}\n  ids: [person:samat-abish]\n"
     f"  quote: \"{QUOTE}\"\n", "merge needs 'into'", 1),
    ("- id: a\n  action: [add\n", "YAML error", None),
])
def test_bad_overlay_names_file_and_line(tmp_path, entry, message, line):
    with pytest.raises(InputError) as err:
        load(tmp_path, entry)
    text = str(err.value)
    assert message in text and str(tmp_path / "curation.yaml") in text
    if line:
        assert err.value.line == line


def test_qantar_load_stops_on_a_bad_overlay(tmp_path, monkeypatch):
    """A bad overlay is a one-line error naming the file and line, not a traceback."""
    from click.testing import CliRunner

    from qantar.cli.main import cli

    bad = tmp_path / "curation.yaml"
    bad.write_text(f"- id: a\n  action: add\n  article: {A003}\n  predicate: ally_of\n"
                   f"  subject: person:nobody\n  object: organization:kremlin\n"
                   f"  quote: \"{QUOTE}\"\n", encoding="utf-8")
    monkeypatch.setattr(curation, "default", lambda: curation.load(
        bad, gazetteer=default_gazetteer(), extract=extract_raw))
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "g.lbug"), "load",
                                      str(SEEDS / A003)])
    assert result.exit_code == 1
    assert f"{bad}:1: unknown subject id 'person:nobody'" in result.output
    assert "Traceback" not in result.output
