"""`boardpack serve` in a real headless browser (issue 12): Debian's chromium
driven by Selenium through chromium-driver, against `boardpack serve` on the
session's corpus store (tests/conftest.py corpus_ingest).

home -> search "graffiti" -> a hit -> its source opens at the hit's page;
home -> stats-awaited audit -> a row -> its source opens at the row's page.
Each step's screenshot is written under the test's tmp folder. Skips
visibly without chromium, chromedriver or Selenium (.ci/run installs them).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

pytest.importorskip("datasette", reason="the web extra (Datasette) is not installed: pip install -e '.[web]'")
pytest.importorskip("selenium", reason="selenium is not installed: pip install -e '.[test]'")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from boardpack.serve import free_port  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
# a window of one colour is a PNG of a few KB; a rendered PDF page is well over 100 KB
BLANK_PNG_BYTES = 30_000
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="chromium and chromium-driver are not installed "
                                       "(apt-get install chromium chromium-driver)")


def wait_for_port(port: int, proc: subprocess.Popen, seconds: float = 60.0) -> None:
    """Readiness, not a timing check: give up only if serve died or never listened."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"boardpack serve exited with {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    pytest.fail(f"boardpack serve did not listen on port {port}")


@pytest.fixture(scope="module")
def server(corpus_ingest):
    db, result = corpus_ingest
    assert db.exists(), result.output
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "boardpack", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        wait_for_port(port, proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


@pytest.fixture()
def browser(tmp_path):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(arg)
    # a PDF opened in a headless browser is downloaded: into the test's folder, never the user's
    options.add_experimental_option("prefs", {"download.default_directory": str(tmp_path / "downloads"),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    shots = []

    def shot(name):
        path = tmp_path / f"{len(shots):02d}-{name}.png"
        driver.save_screenshot(str(path))
        shots.append(path)

    try:
        yield driver, shot, shots
    finally:
        driver.quit()


def cell(row, column):
    return row.find_element(By.CSS_SELECTOR, f"td.col-{column}")


def check_source_opens(driver, link, page: str, base: str) -> None:
    """Following a source link lands on the served original at #page=N, and what
    is served there is the file the link's hash names."""
    href = link.get_attribute("href")
    link.click()
    WebDriverWait(driver, 30).until(lambda d: "/-/original/" in d.current_url)
    assert driver.current_url == href
    # the browser shows it in its PDF viewer (not a download): the viewer lives outside the
    # page's DOM, so wait until the window is more than the viewer's plain dark background
    WebDriverWait(driver, 30).until(lambda d: len(d.get_screenshot_as_png()) > BLANK_PNG_BYTES)
    m = re.fullmatch(re.escape(base) + r"/-/original/corpus/([0-9a-f]{64})/[^#/]+\.pdf#page=(\d+)", href)
    assert m, href
    assert m.group(2) == page
    with urllib.request.urlopen(href.split("#")[0]) as r:
        body = r.read()
    assert body.startswith(b"%PDF") and hashlib.sha256(body).hexdigest() == m.group(1)


def test_search_a_hit_opens_its_source_page(server, browser):
    driver, shot, shots = browser
    driver.get(server + "/")
    shot("home")
    box = driver.find_element(By.CSS_SELECTOR, "form.boardpack-search input[name=q]")
    box.send_keys("graffiti")
    box.submit()
    WebDriverWait(driver, 30).until(ec.presence_of_element_located((By.CSS_SELECTOR, "td.col-source_url a")))
    shot("search-graffiti")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
    assert rows and all("graffiti" in cell(r, "snippet").text.lower() for r in rows)
    hit = next(r for r in rows if ".pdf" in cell(r, "source_file").text)
    page = cell(hit, "page").text
    check_source_opens(driver, cell(hit, "source_url").find_element(By.TAG_NAME, "a"), page, server)
    shot("search-hit-source")
    assert all(p.stat().st_size > 0 for p in shots)


def test_stats_awaited_audit_row_opens_its_source_page(server, browser):
    driver, shot, shots = browser
    driver.get(server + "/")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Audit: stats awaited").click()
    box = WebDriverWait(driver, 30).until(ec.presence_of_element_located((By.NAME, "min_periods")))
    box.clear()
    box.send_keys("2")
    shot("stats-awaited-form")
    box.submit()
    WebDriverWait(driver, 30).until(ec.presence_of_element_located((By.CSS_SELECTOR, "td.col-source_url a")))
    shot("stats-awaited-rows")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
    row = next(r for r in rows if "#page=" in cell(r, "source_url").text)
    assert int(cell(row, "n_periods").text) >= 2
    check_source_opens(driver, cell(row, "source_url").find_element(By.TAG_NAME, "a"), cell(row, "page").text, server)
    shot("stats-awaited-source")
    assert all(p.stat().st_size > 0 for p in shots)
