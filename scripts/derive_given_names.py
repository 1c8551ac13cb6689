"""Derive seeds/names/given_names.tsv from the names-dataset package (build time only).

The package (PyPI ``names-dataset`` 3.3.1, MIT; first names by country from a public
social-network sample) is 55 MB and takes seconds and gigabytes to load, so qantar does
not depend on it: this script, run by hand in any environment that has it installed,
keeps the most frequent given names of the countries whose elites the articles name and
writes them one per line. Cyrillic spellings are kept: the name key folds them to Latin.

Usage: pip install names-dataset==3.3.1 && python scripts/derive_given_names.py
"""

from __future__ import annotations

import re
from pathlib import Path

from names_dataset import NameDataset

from qantar.graph.names import key
from qantar.loaders.lexicon import default as default_lexicon

COUNTRIES = ["KZ", "RU", "AZ", "TM", "GE", "PH", "TR", "AF", "IR", "ZA", "NG", "BW",
             "NA", "US", "GB"]
PER_GENDER = 400          # most frequent names per country and gender
SMALL = {"US": 150, "GB": 150}  # English names: fewer, they are often common words
# Words the sample lists as first names that are more often ordinary English or title
# words in news text.
NOT_NAMES = {
    "Will", "May", "June", "Grace", "Hope", "Faith", "Joy", "Love", "Star", "Sunny",
    "Prince", "King", "Queen", "Princess", "Baby", "Angel", "Lady", "Miss", "Boss",
    "Bright", "Lucky", "Gift", "Gold", "Happy", "Major", "General", "Judge", "Mark",
    "Bill", "Rich", "Young", "Long", "Sir", "Don", "Guy", "Van", "Dan", "Man", "Black",
    "White", "Brown", "Green", "Rose", "Lily", "Holly", "Ivy", "Crystal", "Honey",
    "Sweet", "Cute", "Smart", "Big", "Little", "Dear", "Blessing", "Precious",
    "Patience", "Mercy", "Charity", "Justice", "Unity", "Liberty", "Trust", "Memory",
    "Loveness", "Given", "Fortune", "Chance", "Power", "Mister", "Haji", "Khan",
    "Sayed", "Mr", "Mrs", "Dr", "Sheikh", "Mohammad", "Muhammad", "Mohammed", "Abdul",
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


def main() -> None:
    nd = NameDataset(load_last_names=False)
    names: set[str] = set()
    stop = _not_names()
    for cc in COUNTRIES:
        top = nd.get_top_names(n=SMALL.get(cc, PER_GENDER), country_alpha2=cc).get(cc, {})
        for gender in ("M", "F"):
            for name in top.get(gender, []):
                if _WORD.match(name) and name[0].isupper() and key(name) not in stop:
                    names.add(name)
    header = ("# Given names, one per line: the most frequent first names of "
              f"{', '.join(COUNTRIES)}\n# in names-dataset 3.3.1 (PyPI, MIT), "
              f"top {PER_GENDER} per country and gender ({SMALL} for the English-speaking\n"
              "# ones), of four letters or more, without words the lexicon lists (titles,\n"
              "# stopwords...) or ordinary English.\n"
              "# Written by scripts/derive_given_names.py; a cue, not a list of actors.\n")
    OUT.write_text(header + "".join(n + "\n" for n in sorted(names)), encoding="utf-8")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main()
