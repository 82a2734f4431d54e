"""``secretariat standards list``: the catalogues without a database, as text in the user's
language grouped by phase and element, or as JSON for other programs."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from secretariat.standards import catalogue
from tests.cli.helpers import run

try:
    import fcntl
except ImportError:  # Windows: no pipe sizes to set
    fcntl = None

JSON_KEYS = {"id", "level", "phase", "element", "text_zh_TW", "text_en", "rule"}


@pytest.mark.parametrize("name", ["seed", "2021"])
def test_json_lists_every_entry_of_the_catalogue_with_stable_keys(name, tmp_path):
    missing_db = tmp_path / "nowhere.db"
    result = run("--db", str(missing_db), "standards", "list", "--catalogue", name,
                 "--format", "json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    expected = catalogue.load(name)
    assert [item["id"] for item in listed] == [entry.id for entry in expected.entries]
    assert all(set(item) == JSON_KEYS for item in listed)
    assert listed == [entry.to_dict() for entry in expected.entries]
    assert not missing_db.exists()  # the catalogues need no database, and make none


def test_json_is_the_same_whatever_the_language():
    english = run("standards", "list", "--format", "json")
    chinese = run("standards", "list", "--format", "json", lang="zh_TW.UTF-8")
    assert english.returncode == chinese.returncode == 0
    assert english.stdout == chinese.stdout
    first = json.loads(english.stdout)[0]
    assert first["id"] == "seed.cycle.info.b1"
    assert first["text_zh_TW"].startswith("設置全國性OGP網站")
    assert first["rule"] == {"kind": "records", "check": "publication", "subject": "website"}


def test_the_seed_is_the_default_catalogue():
    result = run("standards", "list", "--format", "json")
    assert len(json.loads(result.stdout)) == 60


def _lines(result) -> list[str]:
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_text_in_english_groups_by_phase_then_element_basic_before_advanced():
    lines = _lines(run("--lang", "en", "standards", "list"))
    assert lines[1] == "60 entries: 31 basic requirements, 29 advanced steps."
    phases = [lines.index(heading) for heading in
              ("Whole cycle", "Action plan development", "Implementation")]
    assert phases == sorted(phases)
    seed = catalogue.load("seed")
    for entry in seed.entries:
        heading = next(i for i, line in enumerate(lines)
                       if line.startswith("    ") and line.split()[0] == entry.id)
        # The entry sits in its phase's section and under its element's heading.
        section = max(p for p in phases if p < heading)
        assert lines[section] == {"whole_cycle": "Whole cycle",
                                  "development": "Action plan development",
                                  "implementation": "Implementation"}[entry.phase.value]
        element_line = max(i for i in range(section, heading) if lines[i].startswith("  ")
                           and not lines[i].startswith("    "))
        assert lines[element_line].strip() == entry.element.label
        assert lines[heading + 1].strip() == entry.text_en
    info = [line.strip() for line in lines[phases[0]:phases[1]] if line.startswith("    seed.")]
    assert info[:6] == ["seed.cycle.info.b1  Basic requirement",
                        "seed.cycle.info.b2  Basic requirement",
                        "seed.cycle.info.b3  Basic requirement",
                        "seed.cycle.info.b4  Basic requirement",
                        "seed.cycle.info.b5  Basic requirement",
                        "seed.cycle.info.a1  Advanced step"]
    rule = lines[lines.index("    seed.dev.own.b1  Basic requirement") + 2]
    assert rule.strip() == ("Rule: Decided by the records: Meetings (Forum meeting) held at "
                            "most 31 days apart (during: Action plan development)")


def test_text_in_chinese_shows_the_chinese_text_and_in_english_the_english():
    chinese = run("standards", "list", lang="zh_TW.UTF-8").stdout
    english = run("standards", "list", lang="en_US.UTF-8").stdout
    entry = catalogue.load("seed").entry("seed.impl.spaces.a3")
    assert entry.text_zh_TW in chinese and entry.text_en not in chinese
    assert entry.text_en in english and entry.text_zh_TW not in english
    # The seed's footnote on the forum is shown with its entry.
    forum = catalogue.load("seed").entry("seed.cycle.spaces.b1")
    assert forum.note_zh_TW in chinese and forum.note_en in english


def test_text_of_2021_numbers_entries_and_marks_paraphrased_wording():
    lines = _lines(run("--lang", "en", "standards", "list", "--catalogue", "2021"))
    assert "    ogp2021.5.1 (5.1)  Basic requirement" in lines
    paraphrased = lines.index("    ogp2021.4.1 (4.1)  Basic requirement")
    assert lines[paraphrased + 2].strip().startswith("Wording: not all of OGP's own wording")
    verbatim = lines.index("    ogp2021.5.1 (5.1)  Basic requirement")
    assert lines[verbatim + 2].strip().startswith("Rule: ")
    # In English the 2021 text is OGP's; the seed's English is a translation, said so.
    assert not any("translation" in line for line in lines[:3])
    seed = _lines(run("--lang", "en", "standards", "list"))
    assert any("secretariat's translation" in line for line in seed[:3])


def test_an_unknown_catalogue_is_a_usage_error():
    result = run("standards", "list", "--catalogue", "2016")
    assert result.returncode == 2
    assert "2016" in result.stderr


@pytest.mark.skipif(not hasattr(fcntl, "F_SETPIPE_SZ"), reason="needs Linux pipe sizes")
def test_the_command_piped_into_a_reader_that_stops_prints_no_traceback():
    reader, writer = os.pipe()
    fcntl.fcntl(writer, fcntl.F_SETPIPE_SZ, 4096)  # smaller than the listing
    environment = {**os.environ, "LANG": "en_US.UTF-8", "PYTHONIOENCODING": "utf-8"}
    process = subprocess.Popen(
        [sys.executable, "-m", "secretariat.cli", "standards", "list", "--format", "json"],
        stdout=writer, stderr=subprocess.PIPE, env=environment)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        pipe.read(10)  # like `| head -c 10`
    _out, errors = process.communicate(timeout=120)
    assert b"Traceback" not in errors
    assert process.returncode == 141  # what a shell reports for a command cut off by SIGPIPE
