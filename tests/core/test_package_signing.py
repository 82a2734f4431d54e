"""The signing key: made once, kept in the keyring, or in a passphrase-protected file."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from secretariat.errors import SecretariatError
from secretariat.packages.signing import (
    KEY_FILE_NAME,
    PASSPHRASE_ENV,
    forum_signer,
    signature_valid,
)
from tests.core.package_helpers import PASSPHRASE, MemoryKeyring


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring(monkeypatch):
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    yield
    keyring.set_keyring(before)


def test_the_key_is_made_once_and_kept_in_the_keyring(tmp_path, memory_keyring):
    first = forum_signer(tmp_path)
    second = forum_signer(tmp_path)
    assert first.where == "keyring" and len(memory_keyring.secrets) == 1
    assert first.fingerprint == second.fingerprint
    assert first.fingerprint.startswith("SHA256:") and len(first.fingerprint.split()) == 16
    assert not (tmp_path / KEY_FILE_NAME).exists()
    assert signature_valid(second.public_pem, b"tag manifest", first.sign(b"tag manifest"))


def test_without_a_keyring_the_user_is_told_to_give_a_passphrase(tmp_path, no_keyring):
    with pytest.raises(SecretariatError, match=PASSPHRASE_ENV):
        forum_signer(tmp_path)
    assert not (tmp_path / KEY_FILE_NAME).exists()  # never an unprotected key


def test_the_key_file_is_encrypted_private_and_reopened(tmp_path, no_keyring, monkeypatch):
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    made = forum_signer(tmp_path)
    key_file = tmp_path / KEY_FILE_NAME
    assert made.where == str(key_file)
    assert b"ENCRYPTED PRIVATE KEY" in key_file.read_bytes()
    assert key_file.stat().st_mode & 0o077 == 0
    assert forum_signer(tmp_path).fingerprint == made.fingerprint


def test_a_wrong_or_short_passphrase_is_refused(tmp_path, no_keyring):
    with pytest.raises(SecretariatError, match="at least 8 characters"):
        forum_signer(tmp_path, passphrase="short")
    forum_signer(tmp_path, passphrase=PASSPHRASE)
    with pytest.raises(SecretariatError, match="does not open"):
        forum_signer(tmp_path, passphrase="another passphrase")


def test_a_signature_of_other_data_is_not_valid(tmp_path, memory_keyring):
    signer = forum_signer(tmp_path)
    assert not signature_valid(signer.public_pem, b"changed", signer.sign(b"original"))
