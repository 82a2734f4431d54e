"""Checking a package: the bag's structure, every checksum, and the signature.

``verify_package`` reports every problem it finds, each naming the file concerned, so a
recipient learns what is wrong rather than just "invalid". It checks what ``bagit.py
--validate``, ``sha256sum -c`` and ``openssl pkeyutl -verify`` would check, and the
package's own safety (see ``bag_source``).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from secretariat.i18n import N_, _
from secretariat.packages.bag_paths import decode_manifest_path
from secretariat.packages.bag_source import BagSource, Problem, UnreadableBag, open_bag
from secretariat.packages.bag_writer import PUBLIC_KEY_FILE, SIGNATURE_FILE
from secretariat.packages.signing import fingerprint, signature_valid

AUDIT_HEAD_FILE = "audit-head.json"
_KNOWN = ("sha256", "sha512", "sha384", "sha224", "sha1", "md5")
_LINE = re.compile(r"^([0-9a-fA-F]+)[ \t]+\*?(.+)$")


@dataclass
class Verification:
    problems: list[Problem] = field(default_factory=list)
    fingerprint: str = ""
    files: int = 0
    bytes: int = 0
    audit_head: dict | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def messages(self) -> list[str]:
        return [_(p.msgid).format(**p.params) for p in self.problems]


def verify_package(path: Path, report: Callable[[int, int, str], None] | None = None
                   ) -> Verification:
    result = Verification()
    try:
        bag = open_bag(Path(path))
    except UnreadableBag as exc:
        result.problems.append(exc.problem)
        return result
    try:
        result.problems.extend(bag.problems)
        _check(bag, result, report)
    except UnreadableBag as exc:
        result.problems.append(exc.problem)
    finally:
        bag.close()
    return result


def _check(bag: BagSource, result: Verification, report) -> None:
    if "bagit.txt" not in bag.sizes:
        raise UnreadableBag(N_("The package has no bagit.txt: it is not a BagIt bag."))
    declaration = bag.read_small("bagit.txt").decode("utf-8", "replace")
    if not re.search(r"^BagIt-Version: (0\.97|1\.0)\s*$", declaration, re.M):
        result.problems.append(Problem(N_("bagit.txt does not declare BagIt version 1.0.")))
    manifests = _read_manifests(bag, result, "manifest")
    if not manifests:
        raise UnreadableBag(N_("The package has no payload manifest (manifest-sha256.txt)."))
    payload = sorted(n for n in bag.sizes if n.startswith("data/"))
    for algorithm, listed in manifests.items():
        for name in sorted(set(payload) - set(listed)):
            result.problems.append(Problem(N_("{name} is in the package but not in {manifest}."),
                                           {"name": name, "manifest": f"manifest-{algorithm}.txt"}))
        for name in sorted(set(listed) - set(bag.sizes)):
            result.problems.append(Problem(N_("{name} is listed in {manifest} but missing."),
                                           {"name": name, "manifest": f"manifest-{algorithm}.txt"}))
    total = sum(bag.sizes[n] for n in payload)
    _check_digests(bag, result, manifests, payload, total, report)
    result.files, result.bytes = len(payload), total
    info = _bag_info(bag, result)
    oxum = info.get("Payload-Oxum")
    if oxum and oxum != f"{total}.{len(payload)}":
        result.problems.append(Problem(N_("Payload-Oxum says {declared} but the payload is "
                                          "{actual} (bytes.files)."),
                                       {"declared": oxum, "actual": f"{total}.{len(payload)}"}))
    tag_manifests = _read_manifests(bag, result, "tagmanifest")
    tags = sorted({n for listed in tag_manifests.values() for n in listed} & set(bag.sizes))
    _check_digests(bag, result, tag_manifests, tags, 0, None)
    _check_signature(bag, result)
    if AUDIT_HEAD_FILE in bag.sizes:
        try:
            result.audit_head = json.loads(bag.read_small(AUDIT_HEAD_FILE))
        except ValueError:
            result.problems.append(Problem(N_("{name} is not valid JSON."),
                                           {"name": AUDIT_HEAD_FILE}))


def _read_manifests(bag: BagSource, result: Verification, kind: str) -> dict[str, dict]:
    manifests = {}
    for algorithm in _KNOWN:
        name = f"{kind}-{algorithm}.txt"
        if name not in bag.sizes:
            continue
        listed: dict[str, str] = {}
        text = bag.read_small(name).decode("utf-8", "replace")
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            match = _LINE.match(line.strip())
            path = decode_manifest_path(match.group(2)) if match else ""
            if not match or (kind == "manifest" and not path.startswith("data/")):
                result.problems.append(Problem(N_("{manifest} line {line} is not a checksum and "
                                                  "a payload file."),
                                               {"manifest": name, "line": number}))
                continue
            listed[path] = match.group(1).lower()
        manifests[algorithm] = listed
    return manifests


def _check_digests(bag, result, manifests, names, total, report) -> None:
    done = 0
    for name in names:
        wanted = {a: listed[name] for a, listed in manifests.items() if name in listed}
        if not wanted:
            continue
        hashes = {a: hashlib.new(a) for a in wanted}
        for chunk in bag.chunks(name):
            for h in hashes.values():
                h.update(chunk)
            done += len(chunk)
            if report is not None:
                report(done, total, name)
        for algorithm, h in hashes.items():
            if h.hexdigest() != wanted[algorithm]:
                result.problems.append(Problem(N_("{name} does not match its {algorithm} "
                                                  "checksum: it was changed or damaged."),
                                               {"name": name, "algorithm": algorithm.upper()}))


def _bag_info(bag: BagSource, result: Verification) -> dict[str, str]:
    if "bag-info.txt" not in bag.sizes:
        return {}
    info = {}
    for line in bag.read_small("bag-info.txt").decode("utf-8", "replace").splitlines():
        label, sep, value = line.partition(":")
        if sep and not line[:1].isspace():
            info[label.strip()] = value.strip()
    return info


def _check_signature(bag: BagSource, result: Verification) -> None:
    if SIGNATURE_FILE not in bag.sizes or PUBLIC_KEY_FILE not in bag.sizes:
        result.problems.append(Problem(N_("The package is not signed ({file} is missing)."),
                                       {"file": SIGNATURE_FILE if SIGNATURE_FILE not in bag.sizes
                                        else PUBLIC_KEY_FILE}))
        return
    if "tagmanifest-sha256.txt" not in bag.sizes:
        result.problems.append(Problem(N_("The package has no tagmanifest-sha256.txt, which the "
                                          "signature covers.")))
        return
    pem = bag.read_small(PUBLIC_KEY_FILE)
    try:
        result.fingerprint = fingerprint(pem)
        valid = signature_valid(pem, bag.read_small("tagmanifest-sha256.txt"),
                                bag.read_small(SIGNATURE_FILE))
    except Exception:  # noqa: BLE001 - any malformed key or signature is "not valid"
        valid = False
    if not valid:
        result.problems.append(Problem(N_("The signature does not match tagmanifest-sha256.txt: "
                                          "the package was changed after it was signed.")))
