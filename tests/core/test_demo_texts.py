"""The demo reads as a real forum's records in each language: Chinese in the Chinese
fields, English in the English ones, never both crammed into one ("政府代表席次 1 /
Government seat 1"); every organisation, seat and person has an English name; the
English is spelled and articled as a reader expects ("an open data working group")."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
from sqlalchemy import String, Text, select

from secretariat.demo import PRIVATE_MARKER, RESTRICTED_DOC_MARKER, load_demo, texts
from secretariat.demo.large import LargeSpec
from secretariat.model import (
    AgendaItem,
    Base,
    Decision,
    Meeting,
    MeetingKind,
    MinutesEntry,
    Organisation,
    Person,
    Seat,
)
from secretariat.store import open_store
from secretariat.vocabulary import Gender

NOW = dt.datetime(2026, 6, 15, 3, 0, tzinfo=dt.timezone.utc)
SMALL_LARGE = LargeSpec(people=120, meetings=40, upcoming_meetings=3, agenda_items=600,
                        decisions=200, documents=40)

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# Two or more Latin words in a row: an English phrase.
ENGLISH_PHRASE = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:,? [A-Za-z][A-Za-z'’-]*)+")
# Chinese, a slash, then Latin letters (or the other way round): two languages in one field.
SLASHED = re.compile(rf"{CJK.pattern}[^/]*/\s*[A-Za-z]|[A-Za-z][^/]*/\s*{CJK.pattern}")
# Not prose: addresses, links and planted markers may be Latin in a Chinese field.
NOT_PROSE = re.compile(r"https?://\S+|[\w.+-]+@[\w.-]+|" + "|".join(
    map(re.escape, (RESTRICTED_DOC_MARKER, PRIVATE_MARKER))))
# Columns that hold codes, file names or English by design (besides the ``*_en`` ones).
SKIPPED = {"forum.languages", "forum.time_zone", "meeting.time_zone", "document.file_name",
           "document.media_type", "document.language", "document.sha256"}
# Where "an" is right before a consonant letter or "a" before a vowel letter.
ARTICLE_EXCEPTIONS = ("hour", "honest", "honour", "one", "uni", "use", "usu", "eu", "sme")


def _english_field(table: str, column: str) -> bool:
    return column.endswith("_en")


def _text_values(s):
    """(table.column, value) for every text value of the demo's records."""
    for table in Base.metadata.sorted_tables:
        # Machine data (JSON documents, BLT ballots, RFC 3797 key strings) is not prose.
        columns = [c for c in table.columns if isinstance(c.type, (String, Text))
                   and f"{table.name}.{c.name}" not in SKIPPED and table.name != "audit_entry"
                   and not c.name.endswith(("_json", "_blt", "hash_name"))]
        if not columns:
            continue
        for row in s.execute(select(*columns)):
            for column, value in zip(columns, row):
                if value:
                    yield f"{table.name}.{column.name}", column.name, value


def _article_slips(text: str) -> list[str]:
    slips = []
    for article, word in re.findall(r"\b(an?) ([A-Za-z]+)", text):
        vowel = word[0].lower() in "aeiou"
        if word.lower().startswith(ARTICLE_EXCEPTIONS) or word.isupper():
            continue
        if (article.lower() == "a") == vowel:
            slips.append(f"{article} {word}")
    return slips


def _problems(s) -> list[str]:
    problems = []
    for where, column, value in _text_values(s):
        if SLASHED.search(NOT_PROSE.sub("", value)):
            problems.append(f"{where}: two languages in “{value}”")
        if _english_field(where, column):
            if CJK.search(value):
                problems.append(f"{where}: Chinese in an English field: “{value}”")
            problems += [f"{where}: “{slip}” in “{value}”" for slip in _article_slips(value)]
        elif CJK.search(value) and ENGLISH_PHRASE.search(NOT_PROSE.sub("", value)):
            problems.append(f"{where}: English in a Chinese field: “{value}”")
    return sorted(set(problems))


@pytest.fixture(scope="module", params=["small", "large"])
def demo(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"demo-{request.param}")
    store = open_store(f"sqlite:///{folder / 'demo.db'}")
    load_demo(store, scale=request.param, now=NOW, spec=SMALL_LARGE)
    yield store
    store.close()


def test_no_field_mixes_chinese_and_english(demo):
    with demo.session() as s:
        problems = _problems(s)
    assert problems == [], "\n".join(problems[:20])


def test_every_organisation_seat_and_person_has_an_english_name(demo):
    with demo.session() as s:
        assert all(o.name_en for o in s.scalars(select(Organisation))), [
            o.name for o in s.scalars(select(Organisation)) if not o.name_en]
        seats = list(s.scalars(select(Seat)))
        assert seats and all(seat.label_en and not CJK.search(seat.label_en) for seat in seats)
        assert all(CJK.search(seat.label) for seat in seats)
        assert all(p.name_en for p in s.scalars(select(Person)))


def test_members_have_plausible_optional_gender_and_region(demo):
    with demo.session() as s:
        people = list(s.scalars(select(Person)))
    genders = [p.gender for p in people]
    assert set(genders) <= {g.value for g in Gender}
    assert genders.count("female") > len(people) / 4 and genders.count("male") > len(people) / 4
    assert 0 < genders.count("") < len(people) / 5  # a few not recorded
    regions = [p.region for p in people]
    assert 0 < regions.count("") < len(people) / 5
    assert all(CJK.search(region) for region in regions if region)


def test_decisions_and_minutes_speak_of_their_agenda_item(demo):
    """A decision taken on the open data item is about open data, in both languages, and
    the minutes of an item speak of that item."""
    with demo.session() as s:
        decided = s.execute(select(Decision.text, Decision.text_en, AgendaItem.title,
                                   AgendaItem.title_en)
                            .join(AgendaItem, Decision.agenda_item_id == AgendaItem.id)).all()
        # A working group does not decide to set itself up.
        groups = s.execute(select(Decision.text, Meeting.title)
                           .join(Meeting, Decision.meeting_id == Meeting.id)
                           .where(Meeting.kind == MeetingKind.WORKING_GROUP)).all()
        entries = s.execute(select(MinutesEntry.text, AgendaItem.title)
                            .join(AgendaItem, MinutesEntry.agenda_item_id == AgendaItem.id)).all()
    topical = [row for row in decided if texts.topic_of(row.title)]
    assert len(topical) > len(decided) / 2
    for text, text_en, title, _title_en in topical:
        topic, topic_en = texts.topic_of(title)
        assert topic in text and topic_en in text_en, (title, text, text_en)
    assert groups and not [text for text, _title in groups if text.startswith("成立")]
    assert entries
    for text, title in entries:
        topic = texts.topic_of(title)
        assert text == texts.STANDING_ITEM_MINUTES.get(title) or (topic and topic[0] in text), (
            title, text)


def test_a_or_an_follows_the_sound_of_the_next_word():
    assert _article_slips("Set up a open data working group") == ["a open"]
    assert _article_slips("Set up an youth group") == ["an youth"]
    assert _article_slips("an open data group, a youth group, a user, an SME") == []
    assert texts.with_article("open data") == "an open data"
    assert texts.with_article("youth engagement") == "a youth engagement"


def test_the_checks_see_mixed_fields():
    """The patterns the demo once had are caught."""
    assert SLASHED.search("政府代表席次 1 / Government seat 1")
    assert SLASHED.search("Government seat 1 / 政府代表席次 1")
    assert not SLASHED.search("政府代表席次 1")
    assert ENGLISH_PHRASE.search("全體委員及觀察員 All members and observers")
    assert not ENGLISH_PHRASE.search(NOT_PROSE.sub("", f"{PRIVATE_MARKER} 場地押金尚未退還"))
    assert not ENGLISH_PHRASE.search("依決議 2026-S03-R02 辦理，送開放政府夥伴關係（OGP）。")


def _english_templates() -> list[str]:
    """Every English text the generators can write, each pattern with every topic."""
    topics = [(zh, en) for zh, en in texts.TOPICS]
    out = [texts.FORUM_NAME_EN, texts.CONFIRMATION[1]]
    out += [en for _zh, en, _sector in texts.GOVERNMENT_BODIES + texts.NON_GOVERNMENT_BODIES
            if en]  # the citizen seat has no organisation
    out += [en for _zh, en, _purpose in texts.OPENING_ITEMS + (texts.CLOSING_ITEM,)]
    out += [f"{en} 3" for _zh, en in texts.SEAT_PREFIXES.values()]
    for (_zh, en, _p), (_tz, topic) in itertools.product(texts.ITEM_PATTERNS, topics):
        out.append(en.format(t=topic))
    for (_zh, en), (_tz, topic) in itertools.product(texts.DECISION_PATTERNS, topics):
        out.append(en.format(t=topic, a_t=texts.with_article(topic)))
    for kind in texts.MEETING_TITLES:
        out += [texts.meeting_title(kind, 2, _FixedTopic(index))[1] for index in range(len(topics))]
    return out


class _FixedTopic:
    """A stand-in for ``random.Random`` that picks topic ``index``."""

    def __init__(self, index: int):
        self.index = index

    def choice(self, sequence):
        return sequence[self.index]


# The words of the demo's English, proofread. A new word must be checked and added here:
# the test is the demo's spelling check.
VOCABULARY = set("""
action administration adopted advancement affairs agencies agency alliance amended and any
approved as asked assessment association at be beneficial budget business by centre cheng
chengchi city civic civil climate comments commitment compile concerned confirmation
consultation contracting coordination council data department development digital
disability disclosure discussion draft economic education engagement environment
environmental equality executive extended finance for forum foundation from gender
governance government graduate group health implement inclusion indigenous industry
information institute inter interior it judicial justice kaohsiung kung labor legislative
lobbying local media meeting meetings milestones ministerial ministry minutes months multi
national next no non of ogp on open other ownership participation peoples personal plan
planning political previous progress promotion proposal protection public publish register
regulation report reported representatives research response responses revised rights
science seat secretariat self session set sme society stakeholder submission taipei taiwan
technology the three to transformation transparency transparent two university up watch
weeks welfare were whistleblower will with within working youth yuan a an
""".split())


def test_the_english_of_the_demo_is_spelled_and_articled_right():
    english = _english_templates()
    unknown = sorted({word.lower() for text in english for word in re.findall(r"[A-Za-z]+", text)}
                     - VOCABULARY)
    assert unknown == [], unknown
    slips = [(text, slip) for text in english for slip in _article_slips(text)]
    assert slips == []
    assert all(not CJK.search(text) and text == text.strip() and "  " not in text
               and text[:1].isupper() for text in english), english
    doubled = [text for text in english if re.search(r"\b(\w+) \1\b", text, re.IGNORECASE)]
    assert doubled == []
