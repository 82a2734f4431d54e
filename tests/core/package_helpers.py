"""Helpers for the package tests: a signer that needs no keyring, small bags, hostile ZIPs."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from keyring.backend import KeyringBackend

from secretariat.packages.bag_writer import BagWriter
from secretariat.packages.signing import forum_signer

BAGGING_DATE = dt.date(2026, 11, 20)
PASSPHRASE = "correct horse battery"


class MemoryKeyring(KeyringBackend):
    """What an operating system keyring does, in memory, for one test."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


def file_signer(folder: Path):
    return forum_signer(folder, passphrase=PASSPHRASE, use_keyring=False)


def write_bag(target: Path, signer, files: dict[str, bytes], *, zipped: bool,
              info: dict[str, str] | None = None) -> Path:
    with BagWriter(target, zipped=zipped, bagging_date=BAGGING_DATE) as bag:
        for name, data in files.items():
            bag.add_bytes(name, data)
        return bag.finish(signer, info or {"Source-Organization": "開放政府論壇"})


def rewrite_zip(source: Path, target: Path, change) -> Path:
    """Copy a ZIP member by member; ``change(name, data)`` returns a list of
    (name, data) pairs to write instead (empty to drop the member)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            for name, data in change(info.filename, old.read(info)):
                new.writestr(name, data)
    return target


def approve_minutes_of(s, meeting_id: int) -> None:
    """Approve the newest minutes of ``meeting_id`` by a decision of a later meeting."""
    from secretariat.services.meetings import decisions, minutes
    from tests.core.factories import make_meeting

    draft = minutes.minutes_versions(s, meeting_id)[-1]
    approving = make_meeting(s)
    approval = decisions.record_decision(s, meeting_id=approving.id,
                                         text="The minutes are approved.")
    minutes.approve_minutes(s, draft.id, decision_id=approval.id)
    s.commit()


def popolo_validators():
    """One Draft-3 validator per Popolo collection, resolving the schemas' absolute
    references (with and without ``www.``) to the copies in resources/popolo."""
    import json
    from importlib.resources import files

    from jsonschema import Draft3Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT3

    folder = files("resources") / "popolo"
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8"))
               for p in folder.iterdir() if p.name.endswith(".json")}
    resources = []
    for name, schema in schemas.items():
        resource = Resource(contents=schema, specification=DRAFT3)
        for host in ("http://www.popoloproject.com", "http://popoloproject.com"):
            resources.append((f"{host}/schemas/{name}", resource))
            resources.append((f"{host}/schemas/{name}#", resource))
    registry = Registry().with_resources(resources)
    collections = {"organizations": "organization.json", "persons": "person.json",
                   "posts": "post.json", "memberships": "membership.json",
                   "events": "event.json", "motions": "motion.json",
                   "vote_events": "vote_event.json"}
    return {key: Draft3Validator(schemas[name], registry=registry)
            for key, name in collections.items()}
