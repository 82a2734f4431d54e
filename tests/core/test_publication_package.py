"""The publication package: a website that works from a folder, open data that documents
itself, and not one byte of private data."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from secretariat.packages.verify import verify_package
from secretariat.publication.build import build_publication
from secretariat.publication.open_data import TABLES
from tests.core.export_helpers import pdf_text
from tests.core.factories import SECRETS, make_full_meeting
from tests.core.package_helpers import BAGGING_DATE, approve_minutes_of, file_signer


@pytest.fixture
def site(session, tmp_path):
    ids = make_full_meeting(session, tmp_path / "records")
    approve_minutes_of(session, ids["meeting"])
    bag = build_publication(session, tmp_path / "records" / "documents", tmp_path / "site",
                            signer=file_signer(tmp_path / "keys"), today=BAGGING_DATE)
    return bag, ids


def test_the_package_verifies_and_has_both_languages(site):
    bag, ids = site
    assert verify_package(bag).ok
    for language, lang_attr in (("zh_TW", "zh-Hant-TW"), ("en", "en")):
        page = (bag / "data" / language / "meetings" / f"{ids['meeting']}.html").read_text()
        assert f'<html lang="{lang_attr}">' in page
        assert "決議00" in page  # the public decision is there


def test_every_link_works_from_the_file_system(site):
    bag, _ = site
    root = bag / "data"
    pages = list(root.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        for href in re.findall(r'href="([^"]+)"', page.read_text()):
            if href.startswith(("http://", "https://", "mailto:", "#")):
                continue
            assert (page.parent / href).resolve().is_file(), (page.relative_to(root), href)
        assert "<script" not in page.read_text()


def test_open_data_documents_every_column(site):
    bag, _ = site
    folder = bag / "data" / "opendata"
    readme = (folder / "README.md").read_text()
    for table in TABLES:
        header = next(csv.reader(io.StringIO((folder / f"{table.name}.csv")
                                             .read_text(encoding="utf-8-sig"))))
        assert header == [c.name for c in table.columns]
        for column in table.columns:
            assert f"`{column.name}`" in readme


def test_not_one_private_byte_is_published(site, tmp_path):
    bag, _ = site
    everything = []
    for path in bag.rglob("*"):
        if path.is_file():
            everything.append(path.read_bytes().decode("utf-8", "replace"))
            if path.suffix == ".pdf":
                everything.append(pdf_text(path))
    text = "\n".join(everything)
    assert "委員00" in text and "公開文件00" in text  # the scan sees the public record
    for kind, secret in SECRETS.items():
        assert secret not in text, kind
