"""The bilingual README every package carries: what is in it and how to check it without
this program. Written as plain UTF-8 text so it opens anywhere."""

from __future__ import annotations

from secretariat.i18n import _, language_override

VERIFY_STEPS = """\
  unzip PACKAGE.zip && cd {root}
  bagit.py --validate .                     # pip install bagit
  sha256sum -c manifest-sha256.txt
  sha512sum -c manifest-sha512.txt
  openssl pkeyutl -verify -pubin -inkey signing-key.pem -rawin \\
      -in tagmanifest-sha256.txt -sigfile tagmanifest-sha256.txt.sig
  secretariat verify PACKAGE.zip --fingerprint "{fingerprint}"
"""


def package_readme(*, title: dict[str, str], contents: list[tuple[str, dict[str, str]]],
                   root: str, fingerprint: str, audit_entries: int, private: bool,
                   missing: list[dict[str, str]] | None = None) -> bytes:
    """``title`` and each content description by language; ``contents`` as
    (path, {language: description}) in the order listed; ``missing``: what such a
    package should hold but this version cannot make yet, each by language."""
    parts = []
    for language in ("zh_TW", "en"):
        with language_override(language):
            parts.append(_section(language, title[language], contents, root, fingerprint,
                                  audit_entries, private, missing or []))
    return ("\n\n".join(parts) + "\n").encode("utf-8")


def _section(language, title, contents, root, fingerprint, audit_entries, private,
             missing) -> str:
    lines = [title, "=" * 40, "",
             _("This package is a BagIt bag (RFC 8493). Every file under data/ is listed "
               "with its SHA-256 and SHA-512 checksums in manifest-sha256.txt and "
               "manifest-sha512.txt; tagmanifest-sha256.txt lists the checksums of those "
               "lists and of this README, and tagmanifest-sha256.txt.sig is its Ed25519 "
               "signature, made with the key in signing-key.pem."), ""]
    lines.append(_("Audience: internal — it includes content not published (restricted "
                   "papers, private decisions, notice recipients).") if private else
                 _("Audience: public — only what the forum publishes is included."))
    lines += ["", _("Contents:")]
    lines += [f"  {path} — {descriptions[language]}" for path, descriptions in contents]
    if missing:
        lines += ["", _("Not in this package: this version of the program cannot make these "
                        "parts yet (ask the secretariat for them):")]
        lines += [f"  - {descriptions[language]}" for descriptions in missing]
    lines += ["", _("How to check it with standard tools:"),
              VERIFY_STEPS.format(root=root, fingerprint=fingerprint),
              _("The signing key's fingerprint is {fingerprint}. A key inside a package proves "
                "only that nothing changed after signing; compare the fingerprint with the one "
                "the forum publishes on its website or in its minutes to know who signed it.")
              .format(fingerprint=fingerprint), "",
              _("audit-head.json records that the forum's audit log had {count} entries when "
                "this package was made. If entries are deleted later, 'secretariat verify "
                "PACKAGE --against-db' run on the forum's database shows it.")
              .format(count=audit_entries)]
    return "\n".join(lines)
