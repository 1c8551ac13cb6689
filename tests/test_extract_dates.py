"""Dates in running text, resolved against the article's date with honest precision."""

import pytest

from qantar.loaders.document import date_finder
from qantar.loaders.pipeline import default_lexicon
from qantar.loaders.sentences import split


def dates(text, published):
    return [(d.raw, d.iso, d.precision) for d in date_finder(default_lexicon()).find(
        text, published)]


@pytest.mark.parametrize("text, published, want", [
    ("Protests broke out on January 2.", "2022-01", [("January 2", "2022-01-02", "day")]),
    ("On Jan. 3 he spoke.", "2024-01", [("Jan. 3", "2024-01-03", "day")]),
    ("It happened on 5 January 2022, he said.", "2024-01-04",
     [("5 January 2022", "2022-01-05", "day")]),
    ("In early January, troops arrived.", "2022-01-20", [("early January", "2022-01", "month")]),
    ("He was elected in 2019.", "2024-01", [("2019", "2019", "year")]),
    ("Preparations began around mid-2021.", "2024-01", [("mid-2021", "2021", "year")]),
    ("He resigned last year.", "2023-01", [("last year", "2022", "year")]),
    ("The verdict came yesterday.", "2023-03-10", [("yesterday", "2023-03-09", "day")]),
    # an article dated to the month: yesterday may be the month before, so the year
    ("The verdict came yesterday.", "2023-03", [("yesterday", "2023", "year")]),
    ("The verdict came on Monday.", "2023-03", [("Monday", "2023", "year")]),
    ("The verdict came today.", "2023-03", [("today", "2023-03", "month")]),
    ("He was detained over the weekend.", "2024-03-14",
     [("over the weekend", "2024-03", "month")]),
    ("He was detained a week ago.", "2024-03-14", [("a week ago", "2024-03", "month")]),
    # day.month.year as Russian and Central Asian outlets write it; no 31 February
    ("He was detained on 05.03.2024.", "2024-03-14", [("05.03.2024", "2024-03-05", "day")]),
    ("Version 1.2.2020.5 shipped; nothing on 31.02.2024.", "2024-03-14", []),
    ("Tokayev met Putin in December.", "2022-01", [("December", "2021-12", "month")]),
    ("2,000-3,000 soldiers and 1,095 citizens; 230 died.", "2022-01", []),
    ("It may be so; they march.", "2022-01", []),               # "may" and "march" are verbs
    ("On 31 February nothing happened.", "2022-03", []),        # no such day
])
def test_dates(text, published, want):
    assert dates(text, published) == want


def test_a_month_named_with_its_year_lends_it_to_later_days():
    text = "The unrest of January 2022 was bloody. On January 5 he fled."
    assert dates(text, "2024-01")[-1] == ("January 5", "2022-01-05", "day")


def test_a_weekday_picks_the_year():
    text = "The referendum was in June 2022. On Friday (3 June), he spoke."
    assert dates(text, "2024-01")[-1][1:] == ("2022-06-03", "day")
    assert dates("On Friday (3 June), he spoke.", "2024-01")[-1][1:] == ("2022-06-03", "day")


def test_anaphoric_days_and_years():
    text = ("In a national address on January 7, he spoke. That evening in Almaty two died. "
            "He was elected in 2019, and later that year he travelled.")
    got = dates(text, "2022-01")
    assert ("That evening", "2022-01-07", "day") in got
    assert ("later that year", "2019", "year") in got


def test_sentences_keep_abbreviations_and_captions():
    body = "Mr. Abish left at 11 p.m. curfew time.\nCaption line\nHe said: “No.” Then he left."
    sents = [s.text(body) for s in split(body)]
    assert sents == ["Mr. Abish left at 11 p.m. curfew time.", "Caption line",
                     "He said: “No.”", "Then he left."]
