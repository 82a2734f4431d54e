"""Fixtures shared by the core (no Qt) tests."""

from __future__ import annotations

import pytest

from secretariat.services.forum import create_forum


@pytest.fixture
def forum(session):
    """An empty forum, committed, as after ``secretariat init``."""
    forum = create_forum(session, name_zh_tw="開放政府論壇", name_en="Open Government Forum")
    session.commit()
    return forum
