"""Republishing renders only the PDFs whose record changed, and a kept PDF is the very
file rendering would give."""

from __future__ import annotations

from secretariat.export.pdf_cache import PdfCache
from secretariat.publication.build import read_publication, write_publication
from secretariat.services.meetings import update_meeting
from tests.core.factories import make_full_meeting, make_meeting
from tests.core.package_helpers import BAGGING_DATE, approve_minutes_of, file_signer


def _publish(session, tmp_path, name, cache):
    data = read_publication(session, tmp_path / "records" / "documents", today=BAGGING_DATE)
    cache.rendered, cache.used = 0, set()
    return write_publication(data, tmp_path / name, signer=file_signer(tmp_path / "keys"),
                             pdf_cache=cache)


def test_a_second_publication_renders_only_what_changed(session, tmp_path):
    ids = make_full_meeting(session, tmp_path / "records")
    approve_minutes_of(session, ids["meeting"])
    planned = make_meeting(session, title="第6次論壇會議")
    session.commit()
    cache = PdfCache(tmp_path / "cache")

    first = _publish(session, tmp_path, "first", cache)
    rendered_first = cache.rendered
    assert rendered_first >= 6  # agendas and approved minutes, both languages
    second = _publish(session, tmp_path, "second", cache)
    assert cache.rendered == 0
    assert (first / "manifest-sha256.txt").read_text() == \
        (second / "manifest-sha256.txt").read_text()

    update_meeting(session, planned.id, location="新的會議室")
    session.commit()
    _publish(session, tmp_path, "third", cache)
    assert cache.rendered == 2  # the changed meeting's agenda, in each language
    assert len(list((tmp_path / "cache").glob("*/*.pdf"))) == rendered_first  # old ones pruned
