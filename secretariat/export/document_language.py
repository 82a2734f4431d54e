"""The language of a document: which text of a record it shows, and in which language
its fixed words are translated while it is built."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from secretariat import i18n

if TYPE_CHECKING:  # ``pick`` serves the command line's parser too: no ORM import for it
    from secretariat.model import Organisation, Person


@contextmanager
def rendering_language(language: str) -> Iterator[None]:
    """Translate with ``language`` while a document is built, in this thread only, so a
    window painted meanwhile keeps the user's language."""
    with i18n.language_override(language):
        yield


def pick(text: str, text_en: str, language: str) -> str:
    """The English text in English documents when there is one, else the Chinese."""
    return i18n.localized(text, text_en, language)


def person_name(person: Person | None, language: str) -> str:
    return pick(person.name, person.name_en, language) if person else ""


def organisation_name(org: Organisation | None, language: str) -> str:
    return pick(org.name, org.name_en, language) if org else ""
