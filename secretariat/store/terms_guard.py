"""The ORM-level guard behind "an adopted terms of reference never changes".

A ``before_flush`` listener refuses to update or delete an adopted (or published)
version of the terms of reference, its clauses and its composition, even for code that
bypasses the services: the only change it lets through is the publication of an adopted
version (status adopted → published, with its date, set once). A change of the rules is a
new version that supersedes the old one from its own adoption date. Installed with the
store (``secretariat.store`` imports this module), like ``guards``.
"""

from __future__ import annotations

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from secretariat.errors import SecretariatError
from secretariat.i18n import N_
from secretariat.model import TermsClause, TermsOfReference, TermsSeats
from secretariat.terms_vocabulary import TermsStatus

ADOPTED_IS_FINAL = N_(
    "Version {version} of the terms of reference is adopted and cannot change. "
    "Draft a new version instead; once adopted, it supersedes this one.")

# What publishing an adopted version may set; bookkeeping columns change on every flush.
_PUBLISHING = {"status", "published_on", "version", "updated_at"}


def _original(obj, attribute: str):
    history = inspect(obj).attrs[attribute].history
    if history.deleted:
        return history.deleted[0]
    values = history.unchanged or history.added
    return values[0] if values else None


def _was_adopted(terms: TermsOfReference | None) -> bool:
    if terms is None or inspect(terms).pending:
        return False
    return _original(terms, "status") not in (None, TermsStatus.DRAFT)


def _changed_columns(obj) -> set[str]:
    state = inspect(obj)
    return {attr.key for attr in state.mapper.column_attrs
            if state.attrs[attr.key].history.has_changes()}


def _is_publication(terms: TermsOfReference) -> bool:
    if not _changed_columns(terms) <= _PUBLISHING:
        return False
    if _original(terms, "status") == TermsStatus.PUBLISHED:
        return False  # published once; its date stays
    return terms.status == TermsStatus.PUBLISHED and terms.published_on is not None


def _owner(s: Session, obj) -> TermsOfReference | None:
    """The version a clause or composition row belongs to, as stored."""
    ids = {value for value in inspect(obj).attrs.terms_id.history.sum() if value is not None}
    if obj.terms is not None and obj.terms.id is not None:
        ids.add(obj.terms.id)
    for terms_id in sorted(ids):
        terms = s.get(TermsOfReference, terms_id)
        if _was_adopted(terms):
            return terms
    return None


@event.listens_for(Session, "before_flush")
def _refuse_edits_of_adopted_terms(s: Session, _context, _instances) -> None:
    with s.no_autoflush:
        for obj in list(s.dirty) + list(s.deleted):
            if isinstance(obj, TermsOfReference) and _was_adopted(obj):
                if obj in s.deleted or (s.is_modified(obj, include_collections=False)
                                        and not _is_publication(obj)):
                    raise SecretariatError(ADOPTED_IS_FINAL,
                                           version=_original(obj, "version_no"))
        for obj in list(s.new) + list(s.dirty) + list(s.deleted):
            if isinstance(obj, (TermsClause, TermsSeats)):
                if obj in s.dirty and not s.is_modified(obj, include_collections=False):
                    continue
                owner = _owner(s, obj)
                if owner is not None:
                    raise SecretariatError(ADOPTED_IS_FINAL,
                                           version=_original(owner, "version_no"))
