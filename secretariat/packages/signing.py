"""The forum's Ed25519 signing key: made on first use, kept in the operating system's
keyring, or — where no keyring is available — in a passphrase-protected key file.

The private key never leaves this module except as a signature. The public key and its
fingerprint go into every package and are shown in the application, so recipients can
compare the fingerprint with one published elsewhere (a key inside a package proves the
package is intact, not who made it).

keyring without a D-Bus session (servers, CI) selects ``fail.Keyring`` and raises
``NoKeyringError``; ``keyrings.alt`` stores secrets as plain base64, so it counts as no
keyring either (see PITFALLS.md).
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from secretariat.atomic_files import atomic_file
from secretariat.errors import SecretariatError
from secretariat.i18n import N_

KEYRING_SERVICE = "ForumSecretariat"
KEYRING_USER = "package-signing-key"
KEY_FILE_NAME = "package-signing-key.pem"
PASSPHRASE_ENV = "SECRETARIAT_KEY_PASSPHRASE"
MIN_PASSPHRASE_CHARS = 8


class PassphraseNeeded(SecretariatError):
    """No keyring, so the key lives in a passphrase-protected file, and no passphrase was
    given: the application asks for one (never keeping it); the command line says how
    to give it."""


@dataclass(frozen=True)
class Signer:
    """Signs with the private key; ``where`` says where the key is kept."""

    _key: Ed25519PrivateKey
    where: str  # "keyring" or the key file's path

    def sign(self, data: bytes) -> bytes:
        return self._key.sign(data)

    @property
    def public_pem(self) -> bytes:
        return public_pem(self._key.public_key())

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_pem)


def public_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo)


def fingerprint(pem: bytes) -> str:
    """SHA-256 of the raw 32-byte public key, as ``SHA256:`` and 16 groups of 4 hex digits
    — short enough to read aloud at a meeting and print in minutes."""
    raw = load_public_key(pem).public_bytes(serialization.Encoding.Raw,
                                            serialization.PublicFormat.Raw)
    digest = hashlib.sha256(raw).hexdigest()
    return "SHA256:" + " ".join(digest[i:i + 4] for i in range(0, 64, 4))


def load_public_key(pem: bytes) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(pem)
    except ValueError as exc:
        raise SecretariatError(N_("The public key is not a PEM file.")) from exc
    if not isinstance(key, Ed25519PublicKey):
        raise SecretariatError(N_("The public key is not an Ed25519 key."))
    return key


def signature_valid(pem: bytes, data: bytes, signature: bytes) -> bool:
    try:
        load_public_key(pem).verify(signature, data)
    except InvalidSignature:
        return False
    return True


def forum_signer(key_folder: Path, *, passphrase: str | None = None,
                 use_keyring: bool = True) -> Signer:
    """The forum's signer, making the key pair on first use.

    The keyring is tried first; without one the key lives in ``key_folder`` encrypted with
    ``passphrase`` (or ``$SECRETARIAT_KEY_PASSPHRASE``), and without a passphrase the
    user is told what to do instead of getting an unprotected key."""
    if use_keyring:
        signer = _from_keyring()
        if signer is not None:
            return signer
    return _from_key_file(Path(key_folder) / KEY_FILE_NAME,
                          passphrase or os.environ.get(PASSPHRASE_ENV))


def key_file_path(key_folder: Path) -> Path:
    """Where the key is kept when there is no keyring."""
    return Path(key_folder) / KEY_FILE_NAME


def _usable_keyring():
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None
    backend = keyring.get_keyring()
    module = type(backend).__module__
    if isinstance(backend, fail.Keyring) or module.startswith("keyrings.alt"):
        return None
    return keyring


def _from_keyring() -> Signer | None:
    keyring = _usable_keyring()
    if keyring is None:
        return None
    from keyring.errors import KeyringError

    try:
        stored = keyring.get_password(KEYRING_SERVICE, KEYRING_USER)
        if stored:
            key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(stored))
        else:
            key = Ed25519PrivateKey.generate()
            raw = key.private_bytes(serialization.Encoding.Raw,
                                    serialization.PrivateFormat.Raw,
                                    serialization.NoEncryption())
            keyring.set_password(KEYRING_SERVICE, KEYRING_USER,
                                 base64.b64encode(raw).decode("ascii"))
    except (KeyringError, ValueError):
        return None  # a locked or broken keyring: fall back to the key file
    return Signer(key, "keyring")


def _from_key_file(path: Path, passphrase: str | None) -> Signer:
    if not passphrase:
        raise PassphraseNeeded(N_(
            "No keyring is available to keep the signing key, so it is kept in a key file "
            "protected by a passphrase ({path}). Give the passphrase in the environment "
            "variable {variable} (at least {minimum} characters)."),
            path=str(path), variable=PASSPHRASE_ENV, minimum=MIN_PASSPHRASE_CHARS)
    secret = passphrase.encode("utf-8")
    if path.exists():
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=secret)
        except (ValueError, TypeError) as exc:
            raise SecretariatError(N_("The passphrase does not open the signing key file "
                                      "{path}."), path=str(path)) from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise SecretariatError(N_("{path} does not hold an Ed25519 signing key."),
                                   path=str(path))
        return Signer(key, str(path))
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise SecretariatError(N_("The passphrase must have at least {minimum} characters."),
                               minimum=MIN_PASSPHRASE_CHARS)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.BestAvailableEncryption(secret))
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(path, mode=0o600) as handle:
        handle.write(pem)
    return Signer(key, str(path))
