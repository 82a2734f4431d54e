"""The installer spec ships what the installed program reads from disk.

The spec is evaluated with stand-ins for PyInstaller's build classes, so this runs in
seconds and without PyInstaller; it catches a data folder, a catalog or an entry point
that the real build would silently leave out.
"""

from __future__ import annotations

import gettext
import sys
import tomllib
import types
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_installer.spec"


class _Recorder:
    """Stands in for Analysis/PYZ/EXE/COLLECT: keeps the arguments it was built with."""

    built: list["_Recorder"] = []

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.datas = list(kwargs.get("datas", []))
        self.pure = self.scripts = self.binaries = []
        self.built.append(self)


def _kind(name: str) -> type:
    return type(name, (_Recorder,), {})


@pytest.fixture
def spec(tmp_path, monkeypatch):
    """The spec's namespace after evaluation, with its scratch folder in tmp_path."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package, filter=None: [package]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    _Recorder.built = []
    namespace = {
        "SPECPATH": str(ROOT),
        "workpath": str(tmp_path),
        **{name: _kind(name) for name in ("Analysis", "PYZ", "EXE", "COLLECT")},
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return namespace


def _analyses(namespace):
    return [namespace["app_analysis"], namespace["cli_analysis"]]


def _destinations(analysis) -> set[str]:
    """Bundle-relative paths of the data files an analysis ships."""
    return {f"{dest}/{Path(source).name}" for source, dest in analysis.datas}


def test_both_programs_start_the_entry_points_pyproject_installs(spec):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    expected = {**project["scripts"], **project["gui-scripts"]}
    launched = {}
    for exe in (spec["app_exe"], spec["cli_exe"]):
        analysis = spec["app_analysis"] if exe is spec["app_exe"] else spec["cli_analysis"]
        launcher = Path(analysis.args[0][0]).read_text(encoding="utf-8")
        module = launcher.split("from ", 1)[1].split(" import", 1)[0]
        launched[exe.kwargs["name"]] = f"{module}:main"
    assert launched == expected


def test_every_migration_script_is_shipped_as_source(spec):
    scripts = [p for p in (ROOT / "secretariat" / "migrations").rglob("*") if p.is_file() and p.suffix != ".pyc"]
    for analysis in _analyses(spec):
        shipped = _destinations(analysis)
        missing = [p for p in scripts if str(p.relative_to(ROOT)) not in shipped]
        assert not missing


def test_every_catalog_is_shipped_compiled_and_translates(spec):
    po_files = sorted((ROOT / "i18n").glob("*/LC_MESSAGES/*.po"))
    assert po_files, "no translation catalogs found under i18n/"
    for analysis in _analyses(spec):
        compiled = {f"{dest}/{Path(source).name}": source for source, dest in analysis.datas if source.endswith(".mo")}
        for po in po_files:
            mo_key = str(po.with_suffix(".mo").relative_to(ROOT))
            assert mo_key in compiled
            with open(compiled[mo_key], "rb") as mo:
                shipped = gettext.GNUTranslations(mo)
            with open(po, "rb") as source:
                translated = [m for m in read_po(source) if m.id and m.string and not m.fuzzy and isinstance(m.id, str)]
            wrong = [m.id for m in translated if not m.context and shipped.gettext(m.id) != m.string]
            assert wrong == []


def test_resources_are_shipped(spec):
    resources = [p for p in (ROOT / "resources").rglob("*") if p.is_file() and p.suffix not in {".py", ".pyc"}]
    for analysis in _analyses(spec):
        shipped = _destinations(analysis)
        assert [p for p in resources if str(p.relative_to(ROOT)) not in shipped] == []


def test_babel_keeps_the_data_of_every_shipped_language(spec):
    datas = [("babel/locale-data/" + name, "babel/locale-data") for name in ("root.dat", "en.dat", "zh_Hant_TW.dat", "fr.dat")]
    kept = {Path(dest).name for dest, _ in spec["without_unused_babel_locales"](datas, spec["keep_languages"])}
    assert kept == {"root.dat", "en.dat", "zh_Hant_TW.dat"}
