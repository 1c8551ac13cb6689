"""The extraction lexicon: word lists and patterns under ``seeds/`` (data, not code).

``seeds/lexicon/*.yaml`` hold titles, kinship terms, cue words, event triggers, date
words and office holders; ``seeds/patterns.yaml`` the relation patterns. Every file is
a mapping of sections; a section appears in one file only. Loading checks each section's
shape and vocabulary, and errors name the file and the line, so a typo in a word list is
a clear message rather than a silent miss.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from ..graph import schema as schema_mod
from .errors import InputError
from .yamlparse import compose_and_load

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DEFAULT_PATHS = (SEEDS / "lexicon", SEEDS / "patterns.yaml")

# The shape of every section: list of words, mapping, or list of mappings.
WORDS, MAPPING, RECORDS = "a list of words", "a mapping", "a list of mappings"
SECTIONS = {
    "honorifics": WORDS, "person_nouns": WORDS, "topic_nouns": WORDS, "surname_endings": WORDS, "short_surname_endings": WORDS,
    "patronymic_endings": WORDS,
    "given_names": WORDS, "stopwords": WORDS, "boilerplate": WORDS,
    "acronym_stoplist": WORDS, "credit_prefixes": WORDS, "proper_bodies": WORDS,
    "byline_openers": WORDS, "thing_name_openers": WORDS, "byline_generic": WORDS,
    "person_predicates_after": WORDS, "person_predicates_before": WORDS,
    "person_predicates_after_quote": WORDS, "person_possessions": WORDS,
    "org_heads": MAPPING, "org_connectors": WORDS, "org_cues_before": MAPPING,
    "org_region_tails": WORDS, "outlet_sections": WORDS,
    "org_cues_after": MAPPING, "definite_descriptions": MAPPING,
    "possessive_descriptions": WORDS,
    "description_fillers": WORDS, "description_synonyms": MAPPING,
    "place_heads": WORDS, "facility_heads": WORDS, "country_abbreviations": MAPPING, "place_head_bodies": MAPPING, "place_suffixes": WORDS,
    "place_cues_before": WORDS,
    "place_prepositions": WORDS, "site_prepositions": WORDS, "demonyms": MAPPING, "place_stoplist": WORDS,
    "place_nouns_after": WORDS, "legal_forms": WORDS, "detention_nouns_after": WORDS,
    "organ_names": WORDS, "definite_name_followers": WORDS,
    "party_nouns_after": WORDS, "outlet_verbs_after": WORDS,
    "org_word_endings": WORDS,
    "place_adjective_endings": WORDS,
    "name_possessors": WORDS, "org_officers": WORDS, "division_nouns": WORDS,
    "title_heads": WORDS, "title_modifiers": WORDS, "status_former": WORDS,
    "status_current": WORDS, "interim_modifiers": WORDS, "implied_bodies": MAPPING,
    "title_suffixes": WORDS, "title_abbreviations": WORDS, "adjective_titles": WORDS,
    "national_titles": WORDS, "holder_ranks": WORDS, "country_said_titles": WORDS,
    "title_synonyms": MAPPING, "generic_body_nouns": WORDS,
    "national_modifiers": WORDS, "title_non_qualifiers": WORDS, "staff_titles": MAPPING,
    "area_titles": WORDS, "area_synonyms": MAPPING, "title_bodies": MAPPING,
    "legislatures": WORDS, "seat_titles": MAPPING, "upper_houses": WORDS,
    "seated_posts": WORDS, "descriptor_modifiers": WORDS, "descriptor_heads": WORDS,
    "head_verbs": MAPPING, "post_nouns": MAPPING, "tenure_adverbs": WORDS,
    "earlier_post_words": WORDS, "counterpart_nouns": WORDS,
    "kinship": MAPPING, "kin_by_marriage": MAPPING, "kin_modifiers": WORDS,
    "family_nouns": WORDS, "kin_inverse": MAPPING,
    "spouse_titles": MAPPING,
    "kin_genders": MAPPING,
    "ally_terms": MAPPING, "subordinate_terms": MAPPING,
    "superior_terms": MAPPING,
    "support_nouns": WORDS,
    "be_verbs": WORDS, "event_types": MAPPING, "detail_patterns": MAPPING,
    "receive_verbs": WORDS, "give_verbs": WORDS, "background_words": WORDS,
    "court_phrases": WORDS, "unreal_before": WORDS, "unreal_conditions": WORDS, "unreal_requests": WORDS,
    "inclusion_words": WORDS,
    "unreal_after_noun": WORDS, "unreal_bridge_verbs": WORDS,
    "speech_verbs": MAPPING, "speech_verbs_of_acts": WORDS, "closing_tails": WORDS, "source_phrases": WORDS, "hedges": WORDS,
    "unnamed_speakers": WORDS, "pronouns": MAPPING, "pair_references": WORDS,
    "months": MAPPING, "weekdays": MAPPING, "month_parts": WORDS, "relative": MAPPING,
    "anaphoric_day": WORDS, "anaphoric_next_day": WORDS, "anaphoric_year": WORDS,
    "anaphoric_month_words": WORDS,
    "continuation_words": MAPPING, "continuation_exceptions": WORDS,
    "episode_nouns": WORDS, "episode_time_words": WORDS, "not_news_words": WORDS, "scene_openers": WORDS,
    "future_markers": WORDS, "approximate_words": WORDS, "back_reference_words": WORDS, "count_words": WORDS, "unnamed_undergoers": WORDS,
    "follower_nouns": WORDS, "ordering_verbs": WORDS, "owned_things": WORDS,
    "days_apart": MAPPING, "vague_apart": WORDS,
    "offices": RECORDS, "patterns": RECORDS, "entity_examples": RECORDS,
    "kinship_examples": RECORDS, "post_examples": RECORDS, "event_examples": RECORDS,
    "frames": MAPPING, "frame_modality": MAPPING, "clause_words": MAPPING,
    "act_constructions": MAPPING,
}
_PER_FILE = {"sources"}  # may appear in every file
_ROLE_KEYS = {"before", "after", "passive_before", "by", "possessor", "with", "all_persons",
              "places_before", "of", "against", "receiver", "on", "to", "post"}
_EVENT_KEYS = {"triggers", "patterns", "anchors", "exclude", "requires", "roles",
               "pattern_roles", "nouns", "noun_roles", "per_person",
               "pattern_undated", "needs_undergoer", "noun_grounds", "part_of",
               "occasion_with", "convened_by"}
_REQUIRES = {"date", "participant", "any", "none"}
_MODALITIES_OF_VERBS = {"asserted", "alleged", "denied"}


@dataclass(eq=False)  # hashable by identity: compiled cues are cached per lexicon
class Lexicon:
    """Sections by name, and where each section (and entry) was written."""

    data: dict = field(default_factory=dict)
    where: dict = field(default_factory=dict)  # section -> (path, line)
    lines: dict = field(default_factory=dict)  # (section, index or key) -> line

    def __getitem__(self, section: str):
        return self.data[section]

    def words(self, section: str) -> list[str]:
        return [str(w) for w in self.data[section]]

    def line_of(self, section: str, entry) -> tuple[Path, int | None]:
        path, line = self.where[section]
        return path, self.lines.get((section, entry), line)

    def error(self, section: str, entry, message: str) -> InputError:
        path, line = self.line_of(section, entry)
        return InputError(path, message, line)

    def check_ids(self, known: set[str]) -> None:
        """Every actor id the lexicon names must be a gazetteer id."""
        for section in ("demonyms", "implied_bodies"):
            for word, actor_id in self.data[section].items():
                if actor_id not in known:
                    raise self.error(section, word, f"unknown actor id {actor_id!r} "
                                                    "(not in the gazetteer)")
        for i, office in enumerate(self.data["offices"]):
            for key in ("body", "holder"):
                if office[key] not in known:
                    raise self.error("offices", i, f"unknown actor id {office[key]!r} "
                                                   "(not in the gazetteer)")


def _files(paths) -> list[Path]:
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(p.glob("*.yaml")))
        elif p.exists():
            out.append(p)
        else:
            raise InputError(p, "no such file or directory")
    return out


class _WordLoader(yaml.SafeLoader):
    """SafeLoader reading yes/no/on/off as words: "On" and "No" are stopwords here."""


_WordLoader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_WordLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"),
                                  list("tf"))


def _compose(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 (byte {exc.start})") from None
    try:
        return compose_and_load(text, _WordLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(path, f"YAML error: {getattr(exc, 'problem', None) or exc}",
                         mark.line + 1 if mark else None) from None


def load(paths=DEFAULT_PATHS) -> Lexicon:
    """Read and check the lexicon files; InputError (file:line) on the first problem."""
    lex = Lexicon()
    for path in _files(paths):
        node, data = _compose(path)
        if data is None:
            continue
        if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
            raise InputError(path, "expected a mapping of sections", 1)
        for key_node, value_node in node.value:
            section = key_node.value
            line = key_node.start_mark.line + 1
            if section in _PER_FILE:
                continue
            if section not in SECTIONS:
                raise InputError(path, f"unknown section {section!r}", line)
            if section in lex.where:
                first, first_line = lex.where[section]
                raise InputError(path, f"section {section!r} already defined in "
                                       f"{first.name}:{first_line}", line)
            lex.where[section] = (path, line)
            lex.data[section] = data[section]
            if isinstance(value_node, yaml.SequenceNode):
                for i, item in enumerate(value_node.value):
                    lex.lines[(section, i)] = item.start_mark.line + 1
            elif isinstance(value_node, yaml.MappingNode):
                for k, _ in value_node.value:
                    lex.lines[(section, k.value)] = k.start_mark.line + 1
    missing = sorted(set(SECTIONS) - set(lex.data))
    if missing:
        raise InputError(Path(paths[0]) if paths else SEEDS,
                         f"lexicon section(s) missing: {', '.join(missing)}")
    _check(lex)
    return lex


def _check(lex: Lexicon) -> None:
    schema = schema_mod.load()
    for section, shape in SECTIONS.items():
        value = lex.data[section]
        if shape == WORDS:
            if not isinstance(value, list):
                raise lex.error(section, None, f"{section} must be {shape}")
            for i, w in enumerate(value):
                if not isinstance(w, (str, int)) or not str(w).strip():
                    raise lex.error(section, i, f"{section}: entry must be a word")
        elif shape == MAPPING:
            if not isinstance(value, dict):
                raise lex.error(section, None, f"{section} must be {shape}")
        elif not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise lex.error(section, None, f"{section} must be {shape}")
    kinds = set(schema.vocab["organization_kinds"])
    for section in ("org_heads", "org_cues_before", "org_cues_after", "definite_descriptions"):
        for word, kind in lex.data[section].items():
            if kind not in kinds:
                raise lex.error(section, word, f"unknown organisation kind {kind!r}")
    for section in ("demonyms", "implied_bodies"):
        for word, actor_id in lex.data[section].items():
            if not isinstance(actor_id, str) or not schema.actor_id.match(actor_id):
                raise lex.error(section, word, f"bad actor id {actor_id!r}")
    for section in ("kinship", "ally_terms", "subordinate_terms", "head_verbs"):
        for word, value in lex.data[section].items():
            if not isinstance(value, str) or not value.strip():
                raise lex.error(section, word, "value must be the relation word")
    for title, bodies in lex.data["title_bodies"].items():
        if not isinstance(bodies, list) or not bodies or not all(
                isinstance(b, str) and b.strip() for b in bodies):
            raise lex.error("title_bodies", title, "value must be a list of the words "
                                                   "of a body's name or its kind")
    for word, how in lex.data["continuation_words"].items():
        if how not in ("same_time", "same_act", "sequence", "later"):
            raise lex.error("continuation_words", word, f"unknown continuation {how!r} "
                                                        "(same_time, same_act, sequence or "
                                                        "later)")
    for verb, modality in lex.data["speech_verbs"].items():
        if modality not in _MODALITIES_OF_VERBS:
            raise lex.error("speech_verbs", verb, f"unknown modality {modality!r}")
    _check_events(lex, schema)
    _check_offices(lex)
    _check_patterns(lex)


def _check_events(lex: Lexicon, schema) -> None:
    types, roles = set(schema.vocab["event_types"]), set(schema.vocab["event_roles"])
    for etype, spec in lex.data["event_types"].items():
        if etype not in types:
            raise lex.error("event_types", etype, f"unknown event type {etype!r} (add it "
                                                  "to graph/schema.yaml event_types)")
        if not isinstance(spec, dict) or set(spec) - _EVENT_KEYS:
            raise lex.error("event_types", etype, f"{etype}: allowed keys are "
                                                  f"{', '.join(sorted(_EVENT_KEYS))}")
        if spec.get("requires", "any") not in _REQUIRES:
            raise lex.error("event_types", etype, f"{etype}: requires must be one of "
                                                  f"{', '.join(sorted(_REQUIRES))}")
        for rx in spec.get("patterns") or []:
            if isinstance(rx, dict) and (set(rx) != {"pattern", "roles"}
                                         or not isinstance(rx["roles"], dict)):
                raise lex.error("event_types", etype, f"{etype}: a pattern with roles of its "
                                                      "own is {pattern: ..., roles: {...}}")
        own = [p["roles"] for p in spec.get("patterns") or [] if isinstance(p, dict)]
        for where, role in [*(spec.get("roles") or {}).items(),
                            *(spec.get("pattern_roles") or {}).items(),
                            *(spec.get("noun_roles") or {}).items(),
                            *(kv for r in own for kv in r.items())]:
            if where not in _ROLE_KEYS or role not in roles:
                raise lex.error("event_types", etype, f"{etype}: bad role {where}: {role}")
        for rx in spec.get("patterns") or []:
            _compile(lex, "event_types", etype, rx["pattern"] if isinstance(rx, dict) else rx)
        if spec.get("patterns") and not spec.get("anchors"):
            raise lex.error("event_types", etype, f"{etype}: patterns need anchors (words "
                                                  "one of which starts every match)")
    for name, rx in lex.data["detail_patterns"].items():
        _compile(lex, "detail_patterns", name, rx)


def _check_offices(lex: Lexicon) -> None:
    for i, office in enumerate(lex.data["offices"]):
        for key in ("title", "body", "holder"):
            if not isinstance(office.get(key), str) or not office[key].strip():
                raise lex.error("offices", i, f"office needs a text {key!r}")
        for key in ("body", "holder"):
            if not schema_mod.load().actor_id.match(office[key]):
                raise lex.error("offices", i, f"bad actor id {office[key]!r}")
        if not office.get("sources"):
            raise lex.error("offices", i, "office needs its sources")


def _check_patterns(lex: Lexicon) -> None:
    seen = {}
    for i, pat in enumerate(lex.data["patterns"]):
        for key in ("id", "pattern", "emit"):
            if key not in pat:
                raise lex.error("patterns", i, f"pattern needs {key!r}")
        if pat["id"] in seen:
            raise lex.error("patterns", i, f"duplicate pattern id {pat['id']!r}")
        seen[pat["id"]] = i
        for anchor in [*(pat.get("anchors") or []), *(pat.get("starts") or [])]:
            if str(anchor).startswith("@") and str(anchor)[1:] not in SECTIONS:
                raise lex.error("patterns", i, f"pattern {pat['id']}: anchor {anchor} "
                                               "names no lexicon section")


def _compile(lex: Lexicon, section: str, entry, regex: str) -> re.Pattern:
    try:
        return re.compile(regex, re.IGNORECASE)
    except re.error as exc:
        raise lex.error(section, entry, f"bad regular expression: {exc}") from None


@cache
def default() -> Lexicon:
    return load()
