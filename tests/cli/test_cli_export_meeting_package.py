"""``secretariat export meeting`` and ``verify`` on the demo, as a clerk and a recipient."""

from __future__ import annotations

import zipfile

import pytest

from tests.cli.helpers import KEY_ENV, make_small_demo, run


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("package-demo")
    return make_small_demo(folder), {**KEY_ENV, "XDG_DATA_HOME": str(folder / "data")}


def test_a_meeting_package_is_written_signed_and_verifies(tmp_path, demo):
    db, env = demo
    out = tmp_path / "第5次論壇會議"
    written = run("--db", str(db), "export", "meeting", "10", "--out", str(out), **env)
    assert written.returncode == 0, written.stderr
    package = tmp_path / "第5次論壇會議.zip"
    with zipfile.ZipFile(package) as z:
        assert "第5次論壇會議/data/minutes-zh_TW.pdf" in z.namelist()
    key = run("signing-key", **env)
    fingerprint = key.stdout.split(": ", 1)[1].splitlines()[0]
    assert fingerprint in written.stdout
    checked = run("verify", str(package), "--fingerprint", fingerprint)
    assert checked.returncode == 0, checked.stderr
    against = run("--db", str(db), "verify", str(package), "--against-db")
    assert against.returncode == 0, against.stderr


def test_without_keyring_or_passphrase_the_clerk_is_told_what_to_do(tmp_path, demo):
    db, env = demo
    env = {k: v for k, v in env.items() if k != "SECRETARIAT_KEY_PASSPHRASE"}
    result = run("--db", str(db), "export", "meeting", "10", "--out", str(tmp_path / "m.zip"),
                 **{**env, "XDG_DATA_HOME": str(tmp_path / "fresh")})
    assert result.returncode == 1
    assert "SECRETARIAT_KEY_PASSPHRASE" in result.stderr
    assert not (tmp_path / "m.zip").exists()


def test_an_unknown_meeting_writes_nothing(tmp_path, demo):
    db, env = demo
    result = run("--db", str(db), "export", "meeting", "999", "--out", str(tmp_path / "m.zip"),
                 **env)
    assert result.returncode == 1 and "999" in result.stderr
    assert list(tmp_path.iterdir()) == []
