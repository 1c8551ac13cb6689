"""Derive seeds/names/english_words.tsv from the wordfreq package (build time only).

The English words a news text uses often enough that a capitalised one is more likely a
word than a surname: evidence against a run of capitalised words being a person's name
("Civil Contract", "Georgian Dream"), and, where no such word ends the run, for it
("Douglas Mwonzora"). Names frequent in English news ("Mugabe", "Marcos") are words here
only above the threshold, so the list stays a list of words. qantar does not depend on
wordfreq: this script, run by hand in any environment that has it, writes the file, and
nothing but the file is read at run time.

Usage: pip install wordfreq==3.1.1 && python scripts/derive_english_words.py
"""

from __future__ import annotations

from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

# wordfreq's Zipf scale: 3.3 is about once in two million words ("extortion",
# "dossier"); names of the news below it ("Mugabe" 3.0, "Aliyev" 2.4) stay names
COMMON = 3.3
OUT = Path(__file__).resolve().parent.parent / "seeds" / "names" / "english_words.tsv"


def main() -> None:
    words = sorted({w for w in top_n_list("en", 100_000)
                    if w.isascii() and w.isalpha() and len(w) >= 3
                    and zipf_frequency(w, "en") >= COMMON})
    header = (f"# English words of Zipf >= {COMMON} in wordfreq 3.1.1 (PyPI, Apache-2.0 code,\n"
              "# CC-BY-SA data), ASCII letters, three or more, one per line, lower case.\n"
              "# Written by scripts/derive_english_words.py; a cue, not a list of actors.\n")
    OUT.write_text(header + "".join(w + "\n" for w in words), encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
