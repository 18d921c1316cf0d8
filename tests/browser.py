"""Support for driving the real app: start the server on a free port, open headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("KB_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("KB_CHROMEDRIVER", "/usr/bin/chromedriver"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-dev-shm-usage", "--window-size=1440,1000", "--hide-scrollbars"]


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.exists():
            return f"{path} is missing: apt-get install chromium chromium-driver"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed in this environment"
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_app(index: Path, log: Path, timeout: float = 60.0) -> Iterator[str]:
    """The real launcher serving `index` on 127.0.0.1; yields its URL, kills it at the end."""
    port = free_port()
    env = {**os.environ, "KB_INDEX": str(index), "HF_HUB_OFFLINE": "1"}
    with open(log, "wb") as output:
        server = subprocess.Popen([sys.executable, "-m", "kb.app_launch", "--port", str(port)],
                                  cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, server, timeout)
        yield url
    finally:
        stop(server)


def stop(server: subprocess.Popen) -> None:
    """Terminate the server, and kill it if it does not go within 10 s."""
    server.terminate()
    try:
        server.wait(10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(10)


def wait_until_healthy(url: str, server: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the app exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"the app did not answer at {url} within {timeout:.0f} s")


@contextmanager
def chromium() -> Iterator[Any]:
    """Headless Debian Chromium through its chromedriver, with a fresh profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="kb-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_for(driver: Any, css: str, timeout: float = 30.0, visible: bool = True) -> Any:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    condition = (ec.visibility_of_element_located if visible
                 else ec.presence_of_element_located)((By.CSS_SELECTOR, css))
    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(condition)


def search(driver: Any, query: str, timeout: float = 30.0) -> Any:
    """Type a query into the Search page and wait for the first result card."""
    from selenium.webdriver.common.keys import Keys

    box = wait_for(driver, 'input[aria-label="Search the library"]', timeout)
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(query, Keys.ENTER)
    return wait_for_results(driver, query, timeout)


def wait_for_results(driver: Any, query: str, timeout: float) -> Any:
    """The result summary of `query` (not of an earlier search), once a result card shows."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.02).until(
        lambda d: d.execute_script(
            "const e = document.querySelector('#kb-result-summary');"
            "if (!e || e.dataset.query !== arguments[0]) return null;"
            "const card = document.querySelector('.kb-card');"
            "return card && card.offsetParent !== null ? e : null;", query))


def wait_for_button(driver: Any, text: str, timeout: float = 30.0) -> Any:
    """The first button whose text contains `text`, once it can be clicked."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(
        ec.element_to_be_clickable((By.XPATH, f"//button[contains(., '{text}')]")))


IDLE = ("return !document.querySelector('[data-testid=\"stSkeleton\"], [data-stale=\"true\"], "
        "[data-testid=\"stStatusWidgetRunningIcon\"], [data-testid=\"stSpinner\"]');")


def settle(driver: Any, timeout: float = 30.0, quiet: float = 0.5) -> None:
    """Wait until the app has finished a run and drawn everything (for screenshots)."""
    deadline = time.monotonic() + timeout
    idle_since = None
    while time.monotonic() < deadline:
        if driver.execute_script(IDLE):
            idle_since = idle_since or time.monotonic()
            if time.monotonic() - idle_since >= quiet:
                return
        else:
            idle_since = None
        time.sleep(0.05)
