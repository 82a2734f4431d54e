"""Creating and editing the forum; the standard sectors every forum starts with."""

from __future__ import annotations

import pytest

from secretariat.errors import ConflictError, SecretariatError
from secretariat.model import Side
from secretariat.services import forum as forum_service
from secretariat.services.forum import (
    create_forum,
    ensure_standard_sectors,
    get_forum,
    list_sectors,
    require_forum,
    sector_by_code,
    update_forum,
)


def test_create_forum_stores_names_languages_and_zone(session):
    forum = create_forum(session, name_zh_tw="開放政府國家行動方案論壇", name_en="OGP Forum",
                         languages=["zh_TW", "en"], time_zone="Asia/Taipei")
    session.commit()
    assert get_forum(session).id == forum.id
    assert forum.languages == "zh_TW,en"
    assert forum_service.forum_languages(forum) == ["zh_TW", "en"]


def test_without_forum_require_forum_says_what_to_do(session):
    assert get_forum(session) is None
    with pytest.raises(SecretariatError, match="No forum yet"):
        require_forum(session)


def test_second_forum_is_refused(session):
    create_forum(session, name_zh_tw="論壇", name_en="Forum")
    with pytest.raises(SecretariatError, match="already holds a forum"):
        create_forum(session, name_zh_tw="另一個", name_en="Another")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name_zh_tw": "  "}, "Chinese name cannot be empty"),
        ({"name_en": ""}, "English name cannot be empty"),
        ({"languages": ["fr"]}, "not a supported language"),
        ({"languages": []}, "at least one official language"),
        ({"time_zone": "Asia/Taipe"}, "not a known time zone"),
    ],
)
def test_bad_forum_input_is_refused_and_nothing_saved(session, kwargs, message):
    values = {"name_zh_tw": "論壇", "name_en": "Forum", **kwargs}
    with pytest.raises(SecretariatError, match=message):
        create_forum(session, **values)
    assert get_forum(session) is None


def test_standard_sectors_listed_in_order_with_sides(session):
    create_forum(session, name_zh_tw="論壇", name_en="Forum")
    sectors = list_sectors(session)
    assert [s.code for s in sectors] == [
        "government_agency", "subnational_government", "parliament", "judiciary",
        "civil_society", "academia", "private_sector", "citizen", "media", "other",
    ]
    assert [s.sort_order for s in sectors] == list(range(10, 101, 10))
    assert sector_by_code(session, "academia").name_zh_tw == "學術界"
    assert sector_by_code(session, "parliament").side == Side.GOVERNMENT
    assert sector_by_code(session, "media").side == Side.NON_GOVERNMENT


def test_ensure_standard_sectors_is_idempotent(session):
    ensure_standard_sectors(session)
    ensure_standard_sectors(session)
    create_forum(session, name_zh_tw="論壇", name_en="Forum")
    assert len(list_sectors(session)) == 10


def test_unknown_sector_code_is_a_clear_error(session):
    create_forum(session, name_zh_tw="論壇", name_en="Forum")
    with pytest.raises(SecretariatError, match="“ngo” is not a known sector"):
        sector_by_code(session, "ngo")


def test_update_forum_validates_before_changing_anything(session):
    create_forum(session, name_zh_tw="論壇", name_en="Forum")
    session.commit()
    with pytest.raises(SecretariatError, match="“Mars/Olympus” is not"):
        update_forum(session, name_en="Renamed", time_zone="Mars/Olympus")
    assert require_forum(session).name_en == "Forum"
    forum = update_forum(session, name_en="Renamed", time_zone="Europe/London")
    session.commit()
    assert (forum.name_en, forum.time_zone) == ("Renamed", "Europe/London")


def test_the_meeting_rules_are_not_forum_settings_any_more(session):
    """Quorum and notice period are rules of the terms of reference (a new version)."""
    create_forum(session, name_zh_tw="論壇", name_en="Forum")
    with pytest.raises(TypeError):
        update_forum(session, quorum_percent=60)


def test_update_forum_with_stale_version_is_a_conflict(session):
    forum = create_forum(session, name_zh_tw="論壇", name_en="Forum")
    session.commit()
    opened_version = forum.version
    update_forum(session, website="https://ogp.example.tw")
    session.commit()
    with pytest.raises(ConflictError, match="changed by someone else"):
        update_forum(session, expected_version=opened_version, name_en="Mine")


def test_concurrent_edit_from_another_workstation_is_a_conflict(store):
    with store.session() as s:
        create_forum(s, name_zh_tw="論壇", name_en="Forum")
        s.commit()
    first, second = store.session(), store.session()
    try:
        mine, theirs = require_forum(first), require_forum(second)
        assert mine.version == theirs.version
        update_forum(second, name_en="Theirs")
        second.commit()
        with pytest.raises(ConflictError):
            update_forum(first, name_en="Mine")
        first.rollback()
    finally:
        first.close()
        second.close()
    with store.session() as s:
        assert require_forum(s).name_en == "Theirs"

