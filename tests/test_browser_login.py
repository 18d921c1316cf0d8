"""End to end: the real server, a library with users, headless Chromium: nothing before a
sign-in, then the search page for the user who signed in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.browser import chromium, missing_browser, running_app, search, wait_for, wait_for_button

from kb import KnowledgeBase

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(missing_browser() is not None,
                                 reason=str(missing_browser()))]
PASSWORD = "correct horse"


def test_the_app_is_behind_a_login_in_chromium(corpus_index: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    index = tmp_path / "library"
    shutil.copytree(corpus_index, index)
    with KnowledgeBase.open(index) as kb:
        kb.add_user("ada", "admin", PASSWORD)
    with running_app(index, tmp_path / "server.log") as url, chromium() as driver:
        driver.set_page_load_timeout(30)
        driver.get(url)
        name = wait_for(driver, 'input[aria-label="User name"]', timeout=60)
        assert "Sign in" in driver.find_element(By.TAG_NAME, "h1").text
        assert not driver.find_elements(By.CSS_SELECTOR, 'input[aria-label="Search the library"]')
        name.send_keys("ada")
        driver.find_element(By.CSS_SELECTOR, 'input[aria-label="Password"]').send_keys(
            "wrong password")
        wait_for_button(driver, "Sign in").click()
        WebDriverWait(driver, 30).until(
            lambda d: "wrong user name or password" in d.page_source)
        password = driver.find_element(By.CSS_SELECTOR, 'input[aria-label="Password"]')
        password.send_keys(Keys.CONTROL, "a")  # clear() does not reach React's state
        password.send_keys(PASSWORD)
        wait_for_button(driver, "Sign in").click()
        search(driver, "professional curiosity", timeout=60)
        assert "Signed in as" in driver.find_element(
            By.CSS_SELECTOR, '[data-testid="stSidebar"]').text
    with KnowledgeBase.open(index, user="ada", password=PASSWORD) as kb:
        actions = [entry.action for entry in kb.audit(user="ada")]
    assert "login_failed" in actions and "login" in actions
