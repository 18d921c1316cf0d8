"""End to end: the real server, driven by headless Chromium, searches and opens a cited page."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from tests.browser import (
    chromium,
    missing_browser,
    running_app,
    search,
    settle,
    wait_for,
    wait_for_button,
)

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(missing_browser() is not None,
                                 reason=str(missing_browser()))]

SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def keep(source: Path, name: str) -> None:
    """Copy a screenshot into docs/ only when asked (KB_SCREENSHOTS=1)."""
    if os.environ.get("KB_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, SCREENSHOTS / name)


def test_search_opens_the_cited_page_in_chromium(corpus_index: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with running_app(corpus_index, tmp_path / "server.log") as url, chromium() as driver:
        driver.set_page_load_timeout(30)
        driver.get(url)
        search(driver, "professional curiosity", timeout=60)
        # keyword matches may come first while the model loads; then the page reruns
        WebDriverWait(driver, 60).until(lambda d: "still loading" not in d.page_source)
        settle(driver)
        cards = driver.find_elements(By.CSS_SELECTOR, ".kb-card")
        assert len(cards) >= 3
        assert "rofessional" in cards[0].find_element(By.CSS_SELECTOR, "mark").text
        opener = wait_for_button(driver, "Open page")
        page = re.search(r"Open page (\d+)", opener.text).group(1)  # type: ignore[union-attr]
        opener.click()
        wait_for(driver, ".st-key-page_viewer img", timeout=30)
        WebDriverWait(driver, 30).until(lambda d: d.execute_script(
            "const i = document.querySelector('.st-key-page_viewer img');"
            "return i && i.complete && i.naturalWidth > 400;"))  # the page image has drawn
        viewer = driver.find_element(By.CSS_SELECTOR, ".st-key-page_viewer")
        assert f"Page {page} of" in viewer.text
        # the download button follows the image in a later render on a busy machine
        WebDriverWait(driver, 30).until(lambda d: "Download" in d.find_element(
            By.CSS_SELECTOR, ".st-key-page_viewer").text)
        settle(driver)
        driver.execute_script("arguments[0].scrollIntoView();",
                              driver.find_element(By.CSS_SELECTOR, "h1"))
        shot = tmp_path / "search-open-page.png"
        assert driver.save_screenshot(str(shot))
        keep(shot, "search.png")


def fill(driver, label: str, text: str, submit: str = "enter") -> None:
    from selenium.webdriver.common.keys import Keys

    field = wait_for(driver, f'[aria-label="{label}"]', timeout=30)
    field.click()
    field.send_keys(text)
    if submit == "enter":
        field.send_keys(Keys.ENTER)
    else:  # a text area submits with Ctrl+Enter
        field.send_keys(Keys.CONTROL, Keys.ENTER)


def open_first_page(driver) -> None:
    wait_for_button(driver, "Open page").click()
    wait_for(driver, ".st-key-page_viewer img", timeout=30)


def test_every_page_renders_in_chromium(corpus_index: Path, tmp_path: Path) -> None:
    from kb import KnowledgeBase

    with KnowledgeBase.open(corpus_index) as kb:
        earlier = max(kb.document_passages("annual-report-2020-21"), key=lambda p: len(p.text))
    draft = (earlier.text.replace("\n", " ") + "\n\nThis year the partnership also began a "
             "pilot of family group conferences for fathers.")
    tour = [
        ("ask", "Ask a question of the library",
         "How many rapid reviews were completed in 2021-22?", ".kb-answer"),
        ("check", "A claim to check",
         "All rapid reviews were completed within 15 working days in 2021-22.", "#kb-verdict"),
        ("reuse", "Draft text (paragraphs separated by a blank line)", draft, ".kb-para"),
        ("themes", "Themes, separated by commas", "neglect, fathers, professional curiosity",
         ".kb-card"),
        ("library", None, None, '[data-testid="stDataFrame"]'),
    ]
    with running_app(corpus_index, tmp_path / "server.log") as url, chromium() as driver:
        driver.set_page_load_timeout(30)
        for page, label, text, ready in tour:
            driver.get(f"{url}/{page}")
            if label:
                fill(driver, label, text, "ctrl" if page == "reuse" else "enter")
            wait_for(driver, ready, timeout=60)
            if page in ("ask", "check"):
                open_first_page(driver)
            settle(driver)
            shot = tmp_path / f"{page}.png"
            assert driver.save_screenshot(str(shot))
            keep(shot, f"{page}.png")


def upload(driver, path: Path) -> None:
    wait_for(driver, 'input[type="file"]', timeout=30, visible=False).send_keys(str(path))


def no_traceback(driver) -> None:
    from selenium.webdriver.common.by import By

    assert not driver.find_elements(By.CSS_SELECTOR, '[data-testid="stException"]')
    assert "Traceback" not in driver.page_source


def test_daily_use_fixes_in_chromium(corpus_index: Path, tmp_path: Path) -> None:
    """The viewer stays with its page and opens from an inline [1]; Themes takes any input;
    names of uploaded files show as typed; a draft's upload error names the user's file."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    index = tmp_path / "index"
    shutil.copytree(corpus_index, index)
    odd = tmp_path / "**Bold** notes [x](y).md"
    odd.write_text("# \n\nThe lantern scheme for young carers started in the east.\n")
    broken = tmp_path / "my draft.pdf"
    broken.write_bytes(b"%PDF-1.4 not really a pdf")
    with running_app(index, tmp_path / "server.log") as url, chromium() as driver:
        driver.set_page_load_timeout(30)
        driver.get(url)
        search(driver, "professional curiosity", timeout=60)
        open_first_page(driver)
        WebDriverWait(driver, 30).until(lambda d: d.execute_script(
            "const i = document.querySelector('.st-key-page_viewer img');"
            "return i && i.complete && i.naturalWidth > 1000 && i.clientWidth > 700;"))
        driver.get(f"{url}/ask")  # another page: the viewer opened on Search is not here
        fill(driver, "Ask a question of the library",
             "How many rapid reviews were completed in 2021-22?")
        wait_for(driver, ".kb-answer", timeout=60)
        settle(driver)
        assert not driver.find_elements(By.CSS_SELECTOR, ".st-key-page_viewer")
        driver.find_element(By.CSS_SELECTOR, ".kb-answer a.kb-cite-link").click()
        wait_for(driver, ".st-key-page_viewer img.kb-page-image", timeout=30)
        assert "Page " in driver.find_element(By.CSS_SELECTOR, ".st-key-page_viewer").text

        driver.get(f"{url}/themes")
        fill(driver, "Themes, separated by commas", "neglect")
        wait_for(driver, ".kb-card mark", timeout=60)
        field = wait_for(driver, '[aria-label="Themes, separated by commas"]')
        field.send_keys(", x: y")
        from selenium.webdriver.common.keys import Keys

        field.send_keys(Keys.ENTER)
        settle(driver)
        wait_for(driver, '[data-testid="stVegaLiteChart"], .stVegaLiteChart', timeout=60)
        no_traceback(driver)
        shot = tmp_path / "themes.png"
        assert driver.save_screenshot(str(shot))
        keep(shot, "themes.png")

        driver.get(f"{url}/library")
        wait_for(driver, '[data-testid="stDataFrame"]', timeout=60)
        upload(driver, odd)
        wait_for_button(driver, "Add to library").click()
        WebDriverWait(driver, 120).until(lambda d: "Added 1 file" in d.page_source)
        message = driver.find_element(By.CSS_SELECTOR, '[data-testid="stAlert"]').text
        assert "**Bold** notes [x](y).md" in message
        no_traceback(driver)
        settle(driver)
        shot = tmp_path / "library.png"
        assert driver.save_screenshot(str(shot))
        keep(shot, "library.png")

        driver.get(f"{url}/reuse")
        wait_for(driver, '[aria-label="Draft text (paragraphs separated by a blank line)"]')
        upload(driver, broken)  # the uploader sits in the second tab, drawn but hidden
        alert = wait_for(driver, '[data-testid="stAlert"]', timeout=60)
        assert "my draft.pdf" in alert.text and "kb-draft-" not in alert.text
        no_traceback(driver)
