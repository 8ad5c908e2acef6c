"""The HTML report in a real browser: headless Chromium (Debian packages ``chromium`` and
``chromium-driver``) driven by selenium loads the report from a ``file://`` URL.

The browser is installed by ``.ci/run``; when it is missing here and this is a Debian
machine where we are root, the test set-up installs it. The tests are skipped, with the
reason, only when the browser can be neither installed nor started.

Screenshots are saved as test artifacts in ``tests/artifacts/`` (git-ignored). With
``HEALTHLINT_UPDATE_DOCS=1`` the screenshot of the examples' report also replaces the
README's ``docs/html-report.png``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, run_cli

ARTIFACTS = REPO / "tests" / "artifacts"
PACKAGES = ("chromium", "chromium-driver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=1280,1400")


def _find_browser() -> tuple[str | None, str | None]:
    browser = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"),
                                "/usr/lib/chromium/chromium") if p and os.path.exists(p)), None)
    driver = next((p for p in (shutil.which("chromedriver"), "/usr/lib/chromium/chromedriver",
                               "/usr/bin/chromedriver") if p and os.path.exists(p)), None)
    return browser, driver


def _install() -> str:
    """Install the Debian packages; '' when done, else why not."""
    if not shutil.which("apt-get"):
        return "apt-get is not available (not a Debian machine)"
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        return "installing needs root (run .ci/run, or: sudo apt-get install chromium chromium-driver)"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *PACKAGES]):
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
            if done.returncode != 0:
                return f"'{' '.join(cmd)}' failed: {(done.stderr or done.stdout).strip()[-300:]}"
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"apt-get failed: {e}"
    return ""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
    from selenium.webdriver.chrome.service import Service

    path, driver_path = _find_browser()
    if path is None or driver_path is None:
        why = _install()
        path, driver_path = _find_browser()
        if path is None or driver_path is None:
            pytest.skip(f"headless Chromium is not installed and could not be: {why or 'packages not found'}")
    profile = tempfile.mkdtemp(prefix="healthlint-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = path
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    except Exception as e:  # noqa: BLE001 - any failure to start is a reason to skip, stated
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"headless Chromium could not be started: {str(e).strip().splitlines()[0][:300]}")
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _report(tmp_path: Path, cwd: Path, *paths: str) -> Path:
    out = tmp_path / "report.html"
    code, _, err = run_cli(["check", "--no-cache", "--format", "html", "--output", str(out), *paths], cwd=cwd)
    assert code in (0, 1), err
    return out


def _screenshot(driver: Any, name: str, height: int | None = None) -> Path:
    """Save the page (its top ``height`` pixels, else all of it) as ``tests/artifacts/NAME``."""
    ARTIFACTS.mkdir(exist_ok=True)
    full = driver.execute_script("return document.documentElement.scrollHeight")
    # the viewport itself (a window's size includes its frame)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 1280, "height": min(height or full, 12000), "deviceScaleFactor": 1, "mobile": False})
    driver.execute_script("window.scrollTo(0, 0)")
    path = ARTIFACTS / name
    assert driver.save_screenshot(str(path))
    print(f"\nscreenshot: {path}")
    return path


def _marks(driver: Any) -> list[dict[str, Any]]:
    return driver.execute_script("""
        return Array.from(document.querySelectorAll('mark.hl')).map(m => ({
          text: m.textContent, cls: m.className, bg: getComputedStyle(m).backgroundColor,
          rules: m.getAttribute('data-f').split(' ').map(id => document.getElementById(id).dataset.rule)}));""")


ARTICLE = """\
# Magnesium and sleep 😴

Studies show that magnesium is the most important mineral for relaxation.

A large cohort study of 3,964 adults reported that people who ate more magnesium
were less likely to report short sleep. Eating more magnesium prevents insomnia.

The difference in sleep time was significant (p = 0.21).
"""

TRANSPARENT = "rgba(0, 0, 0, 0)"


def test_highlights_and_filters_in_a_browser(browser: Any, tmp_path: Path) -> None:
    (tmp_path / "sleep.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "hostile.md").write_text('<script>document.title="pwned"</script>\n\n'
                                         'Tea cures "<b>everything</b>" and is the best remedy.\n', encoding="utf-8")
    report = _report(tmp_path, tmp_path, "sleep.md", "hostile.md")
    browser.get(report.as_uri())
    assert browser.title.startswith("healthlint report")  # the article's script did not run
    # the highlighted spans: the flagged words, coloured by severity
    marks = _marks(browser)
    by_text = {m["text"]: m for m in marks}
    assert by_text["Studies show"]["cls"] == "hl sev-warning"
    assert by_text["the most important mineral"]["rules"] == ["overclaim"]
    assert by_text["significant"]["cls"] == "hl sev-error"
    # the causal claim's sentence, split where the disease claim's words overlap it
    assert by_text["Eating more magnesium "]["rules"] == ["causal-from-association"]
    assert "causal-from-association" in by_text["prevents insomnia"]["rules"]
    assert all(m["bg"] != TRANSPARENT for m in marks)
    hostile_line = browser.execute_script(
        "return document.querySelector('#a2-L1 .tx').textContent")
    assert hostile_line == '<script>document.title="pwned"</script>'
    before = _screenshot(browser, "html-report.png")

    # the rule filter: unticking overclaim hides its highlights and cards, and only those
    browser.find_element("css selector", 'input.f-rule[value="overclaim"]').click()
    after = _marks(browser)
    for m in after:
        if m["rules"] == ["overclaim"]:
            assert m["cls"] == "hl off" and m["bg"] == TRANSPARENT, m
        else:
            assert m["cls"].startswith("hl sev-") and m["bg"] != TRANSPARENT, m
    cards = browser.find_elements("css selector", ".finding")
    assert cards and all(c.is_displayed() == (c.get_attribute("data-rule") != "overclaim") for c in cards)
    assert "finding" in browser.find_element("id", "f-shown").text
    _screenshot(browser, "html-report-filtered.png")

    # the severity filter: only errors left
    for sev in ("warning", "info"):
        browser.find_element("css selector", f'input.f-sev[value="{sev}"]').click()
    shown = [m["text"] for m in _marks(browser) if m["cls"] != "hl off"]
    assert shown == ["significant"]
    browser.find_element("id", "f-all").click()
    assert all(m["cls"] != "hl off" for m in _marks(browser))

    # the rule's explanation opens on click; the evidence link leads to its line
    card = browser.find_element("css selector", '.finding[data-rule="causal-from-association"]')
    card.find_element("css selector", "details.explain summary").click()
    doc = card.find_element("css selector", "details.explain .doc")
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 30).until(lambda _: doc.text.strip())  # filled when the toggle event runs
    assert "why" in doc.text.lower() and "observational" in doc.text.lower() and doc.is_displayed()
    card.find_element("css selector", ".evidence a").click()
    assert browser.current_url.endswith("#a1-L5")
    target = browser.find_element("id", "a1-L5")
    assert "cohort study" in target.text and target.is_displayed()
    evidence = target.find_element("css selector", ".ev")
    assert evidence.text == "cohort study" and "on" in evidence.get_attribute("class").split()
    assert before.stat().st_size > 10_000


def test_screenshot_of_the_examples_report(browser: Any, tmp_path: Path) -> None:
    """The README's screenshot: the report of ``examples/`` with one explanation open."""
    report = _report(tmp_path, REPO, "examples")
    browser.get(report.as_uri())
    browser.find_element("css selector", '.finding[data-rule="commercial-cta"] details.explain summary').click()
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 30).until(lambda d: d.execute_script(
        "return document.querySelector('.finding[data-rule=\"commercial-cta\"] .doc').textContent").strip())
    # down to the end of the open explanation's "Why" paragraph
    bottom = browser.execute_script("""
        const p = document.querySelector('.finding[data-rule="commercial-cta"] .doc h4 + p');
        return Math.ceil(p.getBoundingClientRect().bottom + window.scrollY) + 6;""")
    shot = _screenshot(browser, "html-report-examples.png", height=bottom)
    if os.environ.get("HEALTHLINT_UPDATE_DOCS") == "1":
        (REPO / "docs").mkdir(exist_ok=True)
        shutil.copy(shot, REPO / "docs" / "html-report.png")
