"""The app behind a login: whenever the library has users, and beyond loopback; roles decide
what a signed-in user sees, and a restricted page closes when it may no longer be seen."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kb import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app" / "kb_app.py"
sys.path.insert(0, str(APP.parent))
PASSWORD = "correct horse"
TIMEOUT = 120


@pytest.fixture
def guarded(corpus_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo library with an admin, a reviewer and a reader."""
    index = tmp_path / "library"
    shutil.copytree(corpus_index, index)
    with KnowledgeBase.open(index) as kb:
        kb.add_user("ada", "admin", PASSWORD)
    with KnowledgeBase.open(index, user="ada", password=PASSWORD) as kb:
        kb.add_user("rita", "reviewer", PASSWORD)
        kb.add_user("ray", "reader", PASSWORD)
    monkeypatch.setenv("KB_INDEX", str(index))
    return index


def sign_in(name: str, password: str = PASSWORD) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.run()
    assert [t.value for t in app.title] == ["Sign in"]
    app.text_input(key="login_name").input(name)
    app.text_input(key="login_password").input(password)
    app.button[0].click().run()
    return app


def test_a_library_with_users_shows_nothing_before_sign_in(guarded: Path) -> None:
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.run()
    assert not app.exception
    assert [t.value for t in app.title] == ["Sign in"]
    assert not [w for w in app.text_input if w.key == "search_query"]
    assert not app.get("dataframe") and not [t for t in app.toggle]
    wrong = sign_in("ray", "not the password")
    assert [e.value for e in wrong.error] == ["wrong user name or password"]
    assert [t.value for t in wrong.title] == ["Sign in"]


def test_a_reader_has_no_restricted_switch(guarded: Path) -> None:
    app = sign_in("ray")
    assert not app.exception and not app.error
    assert [w for w in app.text_input if w.key == "search_query"]
    assert not [t for t in app.toggle if t.key == "include_restricted"]
    assert any("Signed in as **ray** (reader)" in c.value for c in app.caption)


def test_a_restricted_page_closes_when_the_switch_goes_off(guarded: Path) -> None:
    app = sign_in("rita")
    app.toggle(key="include_restricted").set_value(True).run()
    app.text_input(key="search_query").input("Child T").run()
    restricted = [b for b in app.button if (b.key or "").startswith("open_")]
    assert restricted, "no result to open"
    restricted[0].click().run()  # the draft on Child T ranks first
    assert app.get("download_button")
    assert any("Child T" in b.proto.body for b in app.get("html") if "kb-viewer-title" in
               b.proto.body)
    app.toggle(key="include_restricted").set_value(False).run()
    assert not app.exception and not app.error
    assert not app.get("download_button")
    shown = " ".join(b.proto.body for b in app.get("html"))
    assert 'class="kb-viewer-title"' not in shown and "draft-lcspr-child-t" not in shown
    with KnowledgeBase.open(guarded, user="ada", password=PASSWORD) as kb:
        assert any(e.action == "open" for e in kb.audit(user="rita"))


def test_beyond_loopback_a_library_without_users_asks_for_one(
        corpus_index: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_INDEX", str(corpus_index))
    monkeypatch.setenv("KB_ADDRESS", "0.0.0.0")
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.run()
    assert not app.exception
    assert any("kb users add NAME --role admin" in e.value for e in app.error)
    assert not [w for w in app.text_input if w.key == "search_query"]
