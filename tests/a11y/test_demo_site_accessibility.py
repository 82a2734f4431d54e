"""The publication website of the demo forum — every page it has, with real records in
every table (contributions, selection rounds, compliance, the register, the terms of
reference) — meets WCAG 2.1 AA as axe-core judges it, in both languages."""

from __future__ import annotations

import pytest

from tests.a11y.conftest import axe_violations
from tests.cli.helpers import KEY_ENV, make_small_demo, run


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo-site")
    db = make_small_demo(folder)
    site = folder / "site"
    result = run("--db", str(db), "export", "publication", "--out", str(site),
                 **{**KEY_ENV, "XDG_DATA_HOME": str(folder / "data")})
    assert result.returncode == 0, result.stderr
    return site / "data"


def test_every_page_kind_of_the_demo_site_passes_axe(axe_browser, demo_site):
    pages = ["index.html"]
    for language in ("zh_TW", "en"):
        folder = demo_site / language
        kinds = {}
        for page in sorted(folder.rglob("*.html")):
            # One page of each kind: meetings/7.html stands for every meeting page.
            kind = page.parent.name if page.parent != folder else page.stem.split("-")[0]
            kinds.setdefault(kind, page)
        pages += [str(p.relative_to(demo_site)) for p in kinds.values()]
    assert any("contributions" in p for p in pages) and any("meetings/" in p for p in pages)
    problems = {}
    for page in pages:
        violations = axe_violations(axe_browser, (demo_site / page).as_uri())
        if violations:
            problems[page] = [(v["id"], v["help"], len(v["nodes"])) for v in violations]
    assert not problems, problems
