"""Users, roles and audit: nothing derived from a restricted document reaches a reader."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kb import KnowledgeBase
from kb.access import User
from kb.errors import AccessDenied, DocumentNotFound

PUBLIC = """Annual report 2021-22

Fathers and male carers were seen at most home visits this year. The partnership trained
four hundred practitioners in professional curiosity and neglect.
"""
DRAFT = """Draft review of Child T

Not for publication. The reviewer, Dr Whitfield, found that sickle cell disease and an
overdose were missed by the Harrowden Oversight Panel (HOP). Professional curiosity was low.
"""
PASSWORD = "correct horse"


@pytest.fixture(scope="module")
def shared_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A public report and a restricted draft, with an admin, a reviewer and a reader."""
    root = tmp_path_factory.mktemp("access")
    docs = root / "docs"
    docs.mkdir()
    (docs / "report.txt").write_text(PUBLIC)
    (docs / "draft-child-t.txt").write_text(DRAFT)
    (docs / "draft-child-t.txt.meta.json").write_text(json.dumps({"access": "restricted"}))
    index = root / "index"
    with KnowledgeBase.open(index) as kb:
        assert not kb.ingest([docs]).failed
        kb.add_user("ada", "admin", PASSWORD)
    with KnowledgeBase.open(index, user="ada", password=PASSWORD) as kb:
        kb.add_user("rita", "reviewer", PASSWORD)
        kb.add_user("ray", "reader", PASSWORD)
    return index


@pytest.fixture()
def index(shared_index: Path, tmp_path: Path) -> Path:
    """A copy per test, so removals and audit rows stay in it."""
    copy = tmp_path / "copy"
    copy.mkdir(mode=0o700)
    source = sqlite3.connect(shared_index / "kb.sqlite")
    target = sqlite3.connect(copy / "kb.sqlite")
    source.backup(target)
    source.close()
    target.close()
    (copy / "manifest.json").write_text((shared_index / "manifest.json").read_text())
    return copy


@pytest.fixture()
def reader(index: Path) -> Iterator[KnowledgeBase]:
    with KnowledgeBase.open(index, user="ray", password=PASSWORD) as kb:
        yield kb


def test_a_wrong_password_is_refused_and_logged(index: Path) -> None:
    with pytest.raises(AccessDenied, match="wrong user name or password"):
        KnowledgeBase.open(index, user="ray", password="not the one")
    with KnowledgeBase.open(index, user="ada", password=PASSWORD) as kb:
        assert [e.user for e in kb.audit(action="login_failed")] == ["ray"]


def test_roles_are_enforced_in_the_api(index: Path, reader: KnowledgeBase) -> None:
    with pytest.raises(AccessDenied):
        reader.search("curiosity", include_restricted=True)
    with pytest.raises(AccessDenied):
        reader.documents(include_restricted=True)
    with pytest.raises(AccessDenied):
        reader.ingest([index])
    with pytest.raises(AccessDenied):
        reader.add_user("eve", "admin", PASSWORD)
    with KnowledgeBase.open(index) as anonymous:
        assert anonymous.user.role == "reader"
        with pytest.raises(AccessDenied):
            anonymous.search("curiosity", include_restricted=True)
    with KnowledgeBase.open(index, user="rita", password=PASSWORD) as reviewer:
        hits = reviewer.search("curiosity", mode="keyword", include_restricted=True).results
        assert {hit.access for hit in hits} == {"public", "restricted"}
        with pytest.raises(AccessDenied):
            reviewer.remove("report.txt")


def test_a_user_object_takes_the_role_the_library_holds(index: Path) -> None:
    with KnowledgeBase.open(index, user=User("ray", "admin")) as kb:
        assert kb.user == User("ray", "reader")


def test_corrections_draw_only_on_what_the_user_may_see(index: Path,
                                                         reader: KnowledgeBase) -> None:
    for typo in ("Whitfeld", "sickel", "overdoze"):
        assert reader.search(typo, mode="keyword").corrections == {}
    # a word only the draft holds is not told apart from a word nobody holds
    assert reader.search("whitfield", mode="keyword").searched == \
        reader.search("whitfiald", mode="keyword").searched.replace("whitfiald", "whitfield")
    with KnowledgeBase.open(index, user="rita", password=PASSWORD) as reviewer:
        found = reviewer.search("Whitfeld", mode="keyword", include_restricted=True)
        assert found.corrections == {"whitfeld": "whitfield"}
        assert reviewer.search("Whitfeld", mode="keyword").corrections == {}


def test_glossary_from_a_restricted_document_is_not_expanded(index: Path,
                                                             reader: KnowledgeBase) -> None:
    assert "HOP" not in reader.glossary()
    assert reader.search("HOP", mode="keyword").expansions == {}
    with KnowledgeBase.open(index, user="rita", password=PASSWORD) as reviewer:
        assert "HOP" in reviewer.glossary(include_restricted=True)
        assert "HOP" not in reviewer.glossary()


def test_theme_counts_leave_restricted_documents_out(index: Path, reader: KnowledgeBase) -> None:
    public = reader.themes(["professional curiosity"]).themes[0]
    assert public.total == 1 and public.passages[0].access == "public"
    assert reader.themes(["Whitfeld"]).themes[0].total == 0
    with KnowledgeBase.open(index, user="rita", password=PASSWORD) as reviewer:
        assert reviewer.themes(["professional curiosity"], include_restricted=True
                               ).themes[0].total == 2


def test_reuse_never_offers_a_restricted_source(reader: KnowledgeBase) -> None:
    draft = DRAFT.split("\n\n", 1)[1]
    report = reader.reuse(draft)
    sources = [p.source for p in report.paragraphs if p.source is not None]
    assert all(source.access == "public" for source in sources)
    assert "draft-child-t" not in json.dumps(report.to_dict())


def test_remove_needs_an_admin_and_names_no_restricted_document(index: Path,
                                                                reader: KnowledgeBase) -> None:
    with pytest.raises(AccessDenied):
        reader.remove("draft-child-t.txt")
    with KnowledgeBase.open(index, user="ada", password=PASSWORD) as admin:
        with pytest.raises(DocumentNotFound) as hidden:
            admin.remove("draft-child-t.txt")
        with pytest.raises(DocumentNotFound) as absent:
            admin.remove("no-such-file.txt")
        assert str(hidden.value).replace("draft-child-t.txt", "X") == \
            str(absent.value).replace("no-such-file.txt", "X")
        assert "Child T" not in str(hidden.value)
        removed = admin.remove("draft-child-t.txt", include_restricted=True)
        assert removed.access == "restricted"
        entry = admin.audit(action="remove")[0]
        assert (entry.user, entry.doc_id) == ("ada", removed.doc_id)


def test_viewer_and_download_check_the_user_and_are_audited(index: Path,
                                                            reader: KnowledgeBase) -> None:
    with pytest.raises(AccessDenied):
        reader.open_source("draft-child-t", include_restricted=True)
    with pytest.raises(DocumentNotFound):
        reader.open_source("draft-child-t")
    with pytest.raises(DocumentNotFound):
        reader.download_source("draft-child-t")
    with KnowledgeBase.open(index, user="rita", password=PASSWORD) as reviewer:
        reviewer.open_source("draft-child-t", page=None, include_restricted=True)
        path = reviewer.download_source("draft-child-t", include_restricted=True)
        assert path.name == "draft-child-t.txt"
        reviewer.search("sickle cell", include_restricted=True)
        reviewer.page_text("draft-child-t", 1, include_restricted=True)
    with KnowledgeBase.open(index, user="ada", password=PASSWORD) as admin:
        entries = [e for e in admin.audit(user="rita") if e.doc_id == "draft-child-t"]
    assert {e.action for e in entries} == {"open", "download", "search"}
    logged = json.dumps([e.to_dict() for e in entries]).lower()
    assert "sickle" not in logged and "whitfield" not in logged


def test_a_library_without_users_works_as_before(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "draft.txt").write_text(DRAFT)
    with KnowledgeBase.open(tmp_path / "solo") as kb:
        kb.ingest([docs])
        assert kb.user.is_admin
        assert kb.search("sickle", include_restricted=True).results
    assert (tmp_path / "solo").stat().st_mode & 0o777 == 0o700


def cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **env}
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], capture_output=True,
                          text=True, timeout=300, env=environment, stdin=subprocess.DEVNULL)


def test_cli_users_roles_audit_and_backup(index: Path, tmp_path: Path) -> None:
    where = ["--index", str(index), "--json"]
    denied = cli("docs", "--include-restricted", *where, "--user", "ray",
                 KB_PASSWORD=PASSWORD)
    assert denied.returncode == 1 and denied.stderr.count("\n") == 1
    assert "restricted" in denied.stderr
    shown = cli("docs", "--include-restricted", *where, "--user", "rita", KB_PASSWORD=PASSWORD)
    assert shown.returncode == 0, shown.stderr
    assert {d["access"] for d in json.loads(shown.stdout)["documents"]} == {"public",
                                                                           "restricted"}
    listed = cli("users", "list", *where, "--user", "ada", KB_PASSWORD=PASSWORD)
    assert {u["name"]: u["role"] for u in json.loads(listed.stdout)["users"]} == {
        "ada": "admin", "rita": "reviewer", "ray": "reader"}
    added = cli("users", "add", "sam", "--role", "reviewer", *where, "--user", "ada",
                KB_PASSWORD=PASSWORD, KB_NEW_PASSWORD="another secret")
    assert added.returncode == 0, added.stderr
    assert cli("users", "add", "eve", *where, "--user", "ray", KB_PASSWORD=PASSWORD,
               KB_NEW_PASSWORD="another secret").returncode == 1
    removal = cli("remove", "draft-child-t.txt", *where, "--user", "ada", KB_PASSWORD=PASSWORD)
    assert removal.returncode == 1 and "Child T" not in removal.stderr
    audit = cli("audit", *where, "--user", "ada", KB_PASSWORD=PASSWORD)
    actions = [e["action"] for e in json.loads(audit.stdout)["entries"]]
    assert "user_added" in actions and "login" in actions
    copy = tmp_path / "backup.sqlite"
    done = cli("backup", str(copy), *where, "--user", "ada", KB_PASSWORD=PASSWORD)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(copy) as restored:
        assert restored.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
