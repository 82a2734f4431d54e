"""Members: people and organisations, seats, terms and roles, balance, CSV import.

The package answers for memberships (``membership``, ``adding``); ``people``, ``seats``,
``views`` (the members table and balance), ``rules`` and ``import_csv`` are its parts.
"""

from secretariat.services.members.membership import (  # noqa: F401  (the package's public face)
    add_member,
    VOTING_ROLES,
    Balance,
    MemberRow,
    SectorCount,
    balance,
    member_rows,
    natural_key,
    check_membership,
    copy_membership,
    add_seat,
    person_is_referenced,
    assign_seat,
    update_membership,
    end_term,
    reopen_term,
    remove_membership,
    MembershipValues,
    membership_values,
)
