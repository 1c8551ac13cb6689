"""The gazetteer: spellings across outlets and scripts meet; bad files fail clearly."""

import pytest

from qantar.loaders.errors import InputError
from qantar.loaders.gazetteer import Gazetteer, parse
from qantar.graph.names import key


@pytest.mark.parametrize("a, b", [
    ("Qasym-Zhomart Toqaev", "Kassym-Jomart Tokayev"),
    ("Nazarbaev", "Nazarbayev"),
    ("Назарбаев", "Nazarbayev"),
    ("Masimov", "Massimov"),
    ("Масимов", "Massimov"),
])
def test_spellings_share_a_key(a, b):
    assert key(a) == key(b)


def test_spans_map_back_to_the_exact_text():
    gaz = Gazetteer.load()
    text = "Nazarbayev’s nephew, Samat Abish, met Касым-Жомарт Токаев in Almaty."
    found = {m.surface: m.ids for m in gaz.find(text)}
    assert found["Samat Abish"] == ("person:samat-abish",)
    assert found["Касым-Жомарт Токаев"] == ("person:kassym-jomart-tokayev",)
    assert found["Nazarbayev"] == ("person:nursultan-nazarbayev",)
    for m in gaz.find(text):
        assert text[m.start:m.end] == m.surface


def test_words_inside_other_words_do_not_match():
    gaz = Gazetteer.load()
    assert [m.surface for m in gaz.find("The Kazakh authorities")] == []


@pytest.mark.parametrize("yaml_text, message, line", [
    ("- id: person:a\n  type: person\n  name: A\n- id: person:a\n  type: person\n  name: B\n",
     "duplicate id", 4),
    ("- id: person:a\n  type: persn\n  name: A\n", "unknown type", 1),
    ("- id: person:a\n  type: person\n  name: [A\n", "YAML error", None),
    ("- id: x\n  type: person\n  name: A\n", "bad id", 1),
])
def test_bad_gazetteer_names_file_and_line(tmp_path, yaml_text, message, line):
    path = tmp_path / "gaz.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        parse(path)
    assert message in str(err.value) and str(path) in str(err.value)
    if line:
        assert err.value.line == line
