"""The standards catalogues: the seed transcribed completely and verbatim, both files
well-formed, and a malformed file refused.

The seed text is parsed here on its own terms (its 基本要求 / 進階步驟 headings, its three
phase bullets and its three element headings), independently of how the data file was
made, so a bullet dropped, merged, reworded or filed under the wrong heading fails."""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from secretariat import i18n
from secretariat.standards import catalogue, labels, rules
from secretariat.standards.catalogue import CatalogueError, Element, Level
from secretariat.vocabulary import Phase

SEED = Path(__file__).parent / "data" / "ogp-participation-cocreation-standards.zh_TW.txt"

LEVEL_HEADINGS = {"[image: ]基本要求": Level.BASIC, " 進階步驟": Level.ADVANCED}
PHASE_BULLETS = {"· OGP週期內...": Phase.WHOLE_CYCLE, "· 制定行動方案期間": Phase.DEVELOPMENT,
                 "· 行動方案執行、監督和報告期間…": Phase.IMPLEMENTATION}
ELEMENT_HEADINGS = {"資訊傳播": Element.INFORMATION, "提供對話與共創的空間與平台": Element.SPACES,
                    "共同享有與共同決策": Element.CO_OWNERSHIP}
# Marks left by the document's conversion to text, not words of the standard: a footnote
# reference, a Word bookmark, and the footnote itself at the end of its bullet.
CONVERSION_MARKS = re.compile(r"\[footnoteRef:\d+\]|\[bookmark: [^\]]*\]")
FOOTNOTE = re.compile(r"\s*\[\d+:\s+(.*?)\]\s*$")


def seed_requirements(path: Path = SEED) -> list[tuple[Level, Phase, Element, str, str]]:
    """Every requirement bullet of chapter 2 (標準) with its headings and footnote."""
    lines = path.read_text(encoding="utf-8").split("\n")
    level = phase = element = None
    found = []
    for line in lines[lines.index("2.標準") + 1:]:
        if line in LEVEL_HEADINGS:
            level, phase, element = LEVEL_HEADINGS[line], None, None
        elif line in PHASE_BULLETS:
            phase, element = PHASE_BULLETS[line], None
        elif line in ELEMENT_HEADINGS:
            element = ELEMENT_HEADINGS[line]
        elif line.startswith("· "):
            assert None not in (level, phase, element), line
            text, footnote = line[2:], ""
            if (match := FOOTNOTE.search(text)) is not None:
                text, footnote = text[:match.start()], match.group(1)
            found.append((level, phase, element, CONVERSION_MARKS.sub("", text), footnote))
    return found


@pytest.fixture(scope="module")
def seed():
    return catalogue.load("seed")


@pytest.fixture(scope="module")
def ogp2021():
    return catalogue.load("2021")


def test_every_seed_requirement_is_an_entry_exactly_once_and_under_its_own_headings(seed):
    expected = seed_requirements()
    assert len(expected) == 60  # 31 basic requirements and 29 advanced steps
    texts = Counter(entry.text_zh_TW for entry in seed.entries)
    for level, phase, element, text, _footnote in expected:
        assert texts[text] == 1, text
    # Same order and same headings: nothing merged, split, moved or added.
    assert [(e.level, e.phase, e.element, e.text_zh_TW) for e in seed.entries] == \
        [(level, phase, element, text) for level, phase, element, text, _ in expected]


def test_every_seed_entry_text_and_footnote_occur_verbatim_in_the_seed(seed):
    text = SEED.read_text(encoding="utf-8")
    without_marks = CONVERSION_MARKS.sub("", text)
    for entry in seed.entries:
        assert entry.text_zh_TW in without_marks, entry.id
        assert entry.note_zh_TW in text, entry.id
    # Only the two conversion marks were set aside, nothing else.
    assert CONVERSION_MARKS.findall(text) == ["[footnoteRef:1]", "[bookmark: OLE_LINK1]"]
    forum = seed.entry("seed.cycle.spaces.b1")
    assert forum.note_zh_TW.startswith("這套標準借鑒許多OGP成功國家")
    assert forum.note_en


def test_the_seed_parser_notices_a_requirement_missing_from_the_catalogue(seed, tmp_path):
    # The completeness check can fail: a seed with one more bullet is not matched.
    extra = SEED.read_text(encoding="utf-8").replace(
        "· 網站／網頁應具備允許公眾評論最新進度的功能。",
        "· 網站／網頁應具備允許公眾評論最新進度的功能。\n· 多出來的一條要求。")
    copy_ = tmp_path / "seed.txt"
    copy_.write_text(extra, encoding="utf-8")
    assert len(seed_requirements(copy_)) == 61
    assert "多出來的一條要求。" not in {e.text_zh_TW for e in seed.entries}


def test_seed_ids_follow_phase_element_and_level_and_count_from_one(seed):
    short = {Phase.WHOLE_CYCLE: "cycle", Phase.DEVELOPMENT: "dev",
             Phase.IMPLEMENTATION: "impl"}
    element = {Element.INFORMATION: "info", Element.SPACES: "spaces",
               Element.CO_OWNERSHIP: "own"}
    seen: Counter = Counter()
    for entry in seed.entries:
        key = (entry.phase, entry.element, entry.level)
        seen[key] += 1
        assert entry.id == (f"seed.{short[entry.phase]}.{element[entry.element]}."
                            f"{entry.level.value[0]}{seen[key]}")
    assert seed.entry("seed.dev.info.b1").text_zh_TW.startswith("政府或多元利害關係人論壇")


def test_seed_counts_by_level_phase_and_element(seed):
    counts = Counter((e.level.value, e.phase.value) for e in seed.entries)
    assert counts == {("basic", "whole_cycle"): 15, ("basic", "development"): 10,
                      ("basic", "implementation"): 6, ("advanced", "whole_cycle"): 11,
                      ("advanced", "development"): 10, ("advanced", "implementation"): 8}
    assert seed.original_language == "zh_TW"


def test_rules_carry_the_numbers_the_seed_states(seed):
    """The frequencies, windows and delays written in the seed are in the rules."""
    def rule(entry_id):
        found = seed.entry(entry_id).rule
        return found.parts[0] if found.kind == rules.ALL_OF else found

    assert rule("seed.cycle.spaces.b1").params == {  # 至少每季1次
        "meeting_kinds": ["forum_meeting"], "max_days": 92, "phase": "whole_cycle"}
    assert rule("seed.dev.own.b1").params["max_days"] == 31  # 至少每個月1次
    assert rule("seed.dev.info.b2").params["max_days"] == 31  # 至少每月1次
    assert rule("seed.dev.spaces.b4").params["min_days"] == 14  # 至少2周
    assert rule("seed.impl.info.b1").params["max_days"] == 183  # 至少每6個月1次
    assert rule("seed.impl.spaces.b1").params["min_count"] == 2  # 每年至少召開2次
    assert rule("seed.impl.spaces.a1").params["min_days"] == 28  # 為期4周
    assert rule("seed.impl.spaces.a2").params["min_count"] == 2  # 至少每年2次
    assert rule("seed.impl.spaces.a3").params["max_days"] == 20  # 在20天內回覆
    assert rule("seed.impl.own.a2").params["max_days"] == 92  # 至少每季1次
    assert seed.entry("seed.cycle.own.b2").rule.check == "membership_balance"
    assert seed.entry("seed.cycle.own.b1").rule.check == "terms_of_reference"
    kinds = Counter(entry.rule.kind for entry in seed.entries)
    assert kinds[rules.ATTESTATION] and kinds[rules.RECORDS] and kinds[rules.ALL_OF]


def test_2021_catalogue_has_the_five_standards_with_sources_and_says_what_was_not_found(
        ogp2021):
    assert [e.number for e in ogp2021.entries] == [
        "1.1", "1.1", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "5.1"]
    assert ogp2021.original_language == "en"
    assert all(e.level is Level.BASIC and e.source_url.startswith("https://")
               for e in ogp2021.entries)
    assert any("2021-11-24" in s.date and "2022-01-01" in s.date for s in ogp2021.sources)
    verbatim = {e.id for e in ogp2021.entries if e.is_verbatim}
    assert verbatim == {"ogp2021.1.1.a", "ogp2021.1.1.b", "ogp2021.2.1", "ogp2021.5.1"}
    for entry in ogp2021.entries:
        assert entry.wording.startswith(catalogue.WORDING_STATES), entry.id
    meets = ogp2021.entry("ogp2021.1.1.a")
    assert "at least every six months" in meets.text_en
    assert meets.rule.parts[0].params["max_days"] == 183
    implementation = ogp2021.entry("ogp2021.5.1").rule
    assert implementation.params["min_count"] == 2 and implementation.params["per"] == "year"


@pytest.mark.parametrize("name", list(catalogue.CATALOGUES))
def test_every_bundled_catalogue_loads_with_known_vocabulary_and_unique_ids(name):
    loaded = catalogue.load(name)
    ids = [entry.id for entry in loaded.entries]
    assert len(ids) == len(set(ids))
    for entry in loaded.entries:
        assert isinstance(entry.level, Level) and isinstance(entry.phase, Phase)
        assert isinstance(entry.element, Element)
        assert entry.text_zh_TW.strip() and entry.text_en.strip()
        assert set(entry.rule.checks()) <= set(rules.CHECKS)
        assert entry.rule.to_dict() == _raw_entries(name)[ids.index(entry.id)]["rule"]
        with i18n.language_override("zh_TW"):
            assert labels.describe(entry.rule)
        with i18n.language_override("en"):
            assert labels.describe(entry.rule)


def test_every_check_of_the_vocabulary_has_words():
    assert set(labels._CHECK_WORDS) == set(rules.CHECKS)


def _raw_entries(name):
    return _raw(name)["entries"]


def _raw(name="seed"):
    path = resources.files("resources.standards").joinpath(catalogue.CATALOGUES[name])
    return json.loads(path.read_text(encoding="utf-8"))


def _problems(data, name="seed") -> list[str]:
    with pytest.raises(CatalogueError) as caught:
        catalogue.parse(data, name=name)
    return caught.value.problems


def test_a_duplicate_id_is_refused():
    data = _raw()
    data["entries"][1]["id"] = data["entries"][0]["id"]
    assert _problems(data) == ["duplicate id 'seed.cycle.info.b1'"]


@pytest.mark.parametrize("field, value", [
    ("level", "optional"), ("phase", "evaluation"), ("element", "budget")])
def test_an_unknown_level_phase_or_element_is_refused(field, value):
    data = _raw()
    data["entries"][0][field] = value
    [problem] = _problems(data)
    assert f"{field} {value!r} is not one of" in problem


@pytest.mark.parametrize("rule, words", [
    ({"kind": "vibes"}, "unknown rule kind 'vibes'"),
    ({"kind": "records", "check": "mood"}, "unknown records check 'mood'"),
    ({"kind": "records", "check": "meeting_interval", "meeting_kinds": ["forum_meeting"]},
     "needs 'max_days'"),
    ({"kind": "records", "check": "meeting_interval", "meeting_kinds": ["tea_party"],
      "max_days": 92}, "'tea_party' is not one of"),
    ({"kind": "records", "check": "meeting_interval", "meeting_kinds": ["forum_meeting"],
      "max_days": True}, "True is not a valid int"),
    ({"kind": "records", "check": "publication", "subject": "website", "colour": "red"},
     "has no parameter 'colour'"),
    ({"kind": "attestation", "evidence": "photo"}, "attestation takes no parameters"),
    ({"kind": "all_of", "rules": [{"kind": "attestation"}]}, "two or more"),
])
def test_a_malformed_rule_is_refused(rule, words):
    data = _raw()
    data["entries"][0]["rule"] = rule
    [problem] = _problems(data)
    assert words in problem and "seed.cycle.info.b1" in problem


def test_every_problem_of_a_file_is_reported_at_once():
    data = _raw("2021")
    broken = copy.deepcopy(data)
    broken["original_language"] = "fr"
    broken["entries"][0]["wording"] = "roughly"
    del broken["entries"][1]["text_en"]
    problems = _problems(broken, name="2021")
    assert len(problems) == 3
    catalogue.parse(data, name="2021")  # the untouched file is fine


def test_a_file_under_another_catalogue_name_is_refused():
    assert _problems(_raw("2021"), name="seed") == ["'catalogue' is '2021', not 'seed'"]
