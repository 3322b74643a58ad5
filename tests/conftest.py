"""Shared test helpers: where ../shared lives, and skipping only outside CI.

Tests that need something outside the repository (../shared corpora, Chromium, a Jupyter
kernel) skip when it is absent on a developer's machine, but fail loudly under ``CI=true``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() == "true"


def require(condition: bool, why: str) -> None:
    """Skip the calling test when ``condition`` is false, unless under CI, where it fails."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required under CI=true but missing: {why}")
    pytest.skip(why)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    require(SHARED.is_dir(), f"{SHARED} is absent")
    return SHARED


@pytest.fixture(scope="session")
def seed_article(shared_dir: Path) -> str:
    path = shared_dir / "seeds" / "000_6a42dfd4ca0a619f.txt"
    require(path.is_file(), f"{path} is absent")
    return path.read_text(encoding="utf-8")


CHROMIUM = Path("/usr/bin/chromium")
# As root in a container Chromium needs --no-sandbox; the rest stop it calling home, which the
# closed network here (and a newsroom's offline laptop) would refuse.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def chromium():  # type: ignore[no-untyped-def]
    """A headless Debian Chromium driven by Playwright (skips outside CI when absent)."""
    require(CHROMIUM.exists(), f"{CHROMIUM} is absent (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def need():  # type: ignore[no-untyped-def]
    """The :func:`require` helper for tests: ``need(condition, why)`` skips, or fails under CI."""
    return require
