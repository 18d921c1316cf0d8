"""The Streamlit app, driven with AppTest over the demo library: every page, uploads, safety."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kb import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app" / "kb_app.py"
sys.path.insert(0, str(APP.parent))  # the app's own modules, as Streamlit puts them on the path

from kb.uploads import (  # noqa: E402
    check_upload,
    display_names,
    ingest_uploads,
    remove_document,
    uploads_folder,
)

TIMEOUT = 120


@pytest.fixture
def demo(corpus_index: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KB_INDEX", str(corpus_index))
    return corpus_index


@pytest.fixture
def own_copy(corpus_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo library for tests that change it."""
    index = tmp_path / "library"
    shutil.copytree(corpus_index, index)
    monkeypatch.setenv("KB_INDEX", str(index))
    return index


def start(page: str | None = None) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.run()
    if page:
        app.switch_page(f"kb_pages/{page}_page.py").run()
    assert not app.exception, app.exception
    return app


def html_of(app: AppTest) -> list[str]:
    return [element.proto.body for element in app.get("html")]


def test_search_returns_cited_results_with_marked_words(demo: Path) -> None:
    app = start()
    app.text_input(key="search_query").input("professional curiosity").run()
    assert not app.exception and not app.error
    cards = [body for body in html_of(app) if 'class="kb-card"' in body]
    assert len(cards) >= 3
    assert all('class="kb-title"' in card and "kb-meta" in card for card in cards)
    assert any("p. " in card for card in cards)  # a page cited
    assert any("<mark>" in card for card in cards)  # matched words marked


def test_open_page_shows_the_page_image_and_the_download(demo: Path) -> None:
    app = start()
    app.text_input(key="search_query").input("professional curiosity").run()
    opener = next(b for b in app.button if (b.key or "").startswith("open_")
                  and b.label.startswith("Open page"))
    opener.click().run()
    assert not app.exception and not app.error
    assert any('class="kb-page-image"' in body for body in html_of(app))
    assert any(c.value.startswith("Page ") for c in app.caption)
    assert [b for b in app.get("download_button") if "Download" in b.proto.label]
    app.switch_page("kb_pages/ask_page.py").run()  # the viewer stays with its own page
    assert not any('class="kb-page-image"' in body for body in html_of(app))
    app.switch_page("kb_pages/search_page.py").run()
    assert not any('class="kb-page-image"' in body for body in html_of(app))


def test_filters_narrow_the_results(demo: Path) -> None:
    app = start()
    app.text_input(key="search_query").input("fathers").run()
    app.selectbox(key="search_type").select("inspection").run()
    cards = [body for body in html_of(app) if 'class="kb-card"' in body]
    assert cards and all("Inspection" in card for card in cards)


def test_ask_shows_an_answer_with_a_citation(demo: Path) -> None:
    app = start("ask")
    app.text_input(key="ask_question").input(
        "How many rapid reviews were completed in 2021-22?").run()
    assert not app.exception and not app.error
    bodies = html_of(app)
    assert any('class="kb-answer"' in body and 'data-kb-open="ask_cite_1"' in body
               for body in bodies)
    assert any('class="kb-cite"' in body and ", p. " in body for body in bodies)
    assert any((b.key or "").startswith("open_ask_cite_") for b in app.button)


def test_ask_shows_the_not_found_state_with_the_closest_passages(demo: Path) -> None:
    app = start("ask")
    app.text_input(key="ask_question").input("What is the capital city of France?").run()
    assert any("Not found" in warning.value for warning in app.warning)
    assert any('class="kb-card"' in body for body in html_of(app))


def test_check_shows_a_verdict_badge_and_the_figures(demo: Path) -> None:
    app = start("check")
    app.text_input(key="check_claim").input(
        "All rapid reviews were completed within 15 working days in 2021-22.").run()
    assert not app.exception and not app.error
    badge = next(body for body in html_of(app) if 'id="kb-verdict"' in body)
    assert any(f"kb-{kind}" in badge for kind in ("supported", "contradicted", "not_found"))
    if "not_found" not in badge:
        assert any("<th>Claimed</th>" in body for body in html_of(app))


def test_reuse_marks_each_paragraph_by_kind(demo: Path) -> None:
    with KnowledgeBase.open(demo) as kb:
        earlier = max(kb.document_passages("annual-report-2020-21"), key=lambda p: len(p.text))
    draft = (earlier.text + "\n\nOur new volunteer choir sang carols at the town hall "
             "for the first time this winter.")
    app = start("reuse")
    app.text_area(key="reuse_text").input(draft).run()
    assert not app.exception and not app.error
    paragraphs = [body for body in html_of(app) if 'class="kb-para ' in body]
    assert len(paragraphs) == 2
    assert "kb-kind-verbatim" in paragraphs[0] or "kb-kind-edited" in paragraphs[0]
    assert "kb-kind-new" in paragraphs[1]


def test_themes_draw_a_chart_and_list_the_passages(demo: Path) -> None:
    app = start("themes")
    app.text_input(key="themes_terms").input("neglect, fathers").run()
    assert not app.exception and not app.error
    assert app.get("vega_lite_chart")
    assert any('class="kb-card"' in body for body in html_of(app))
    app.selectbox(key="themes_pick").select("fathers").run()
    assert not app.exception
    assert any("<mark>" in body for body in html_of(app))  # the matched words


def test_themes_take_any_input_without_a_traceback(demo: Path) -> None:
    app = start("themes")
    for typed in ("neglect, x: y", "a.b[0], 'quote\", {}", ":, ,", "neglect, neglect"):
        app.text_input(key="themes_terms").input(typed).run()
        assert not app.exception, typed


def test_library_lists_documents_and_restricted_only_on_request(demo: Path) -> None:
    app = start("library")
    assert not app.exception and not app.error
    shown = app.get("dataframe")[0].value
    assert "restricted" not in set(shown["Access"])
    app.toggle(key="include_restricted").set_value(True).run()
    shown = app.get("dataframe")[0].value
    assert "restricted" in set(shown["Access"])


def test_library_removes_a_document(own_copy: Path) -> None:
    app = start("library")
    before = len(app.get("dataframe")[0].value)
    app.selectbox(key="remove_choice").select("spr-briefing-jay").run()
    app.checkbox(key="remove_confirm").check().run()
    app.button(key="remove_button").click().run()
    assert not app.exception and not app.error
    after = app.get("dataframe")[0].value
    assert len(after) == before - 1 and "spr-briefing-jay" not in set(after["ID"])


def test_an_upload_is_saved_under_a_generated_name_and_ingested(own_copy: Path) -> None:
    text = ("Neighbourhood Safeguarding Note 2022-23\n\nThe partnership piloted a "
            "lighthouse listening scheme for young carers in the east of the borough.\n")
    seen: list[tuple[int, int, str]] = []
    result = ingest_uploads(own_copy, [("../../etc/evil name.txt", text.encode())],
                            lambda done, total, message: seen.append((done, total, message)))
    assert result.added == ["../../etc/evil name.txt"] and not result.failed
    stored = list(uploads_folder(own_copy).rglob("*.txt"))
    assert len(stored) == 1 and stored[0].name == "evil name.txt"  # its own name, no path
    assert stored[0].parent.parent == uploads_folder(own_copy)
    assert display_names(own_copy) == {str(stored[0]): "../../etc/evil name.txt"}
    assert seen and seen[-1][0] == seen[-1][1]
    app = start()
    app.text_input(key="search_query").input("lighthouse listening scheme").run()
    assert any("Neighbourhood Safeguarding Note" in body for body in html_of(app))
    app.switch_page("kb_pages/library_page.py").run()
    assert "../../etc/evil name.txt" in set(app.get("dataframe")[0].value["File"])
    with KnowledgeBase.open(own_copy) as kb:
        doc_id = next(d.doc_id for d in kb.documents() if d.path == str(stored[0]))
        assert doc_id.startswith("evil")  # the document ID comes from the user's file name
        remove_document(kb, doc_id)
    assert not stored[0].exists() and not stored[0].parent.exists()


def test_a_failed_upload_leaves_the_library_as_it_was(own_copy: Path) -> None:
    with KnowledgeBase.open(own_copy) as kb:
        before = [d.doc_id for d in kb.documents(include_restricted=True)]
    result = ingest_uploads(own_copy, [("broken.pdf", b"%PDF-1.4 this is not a pdf"),
                                       ("notes.exe", b"MZ..."), ("empty.txt", b"")])
    assert not result.added
    assert {name for name, _ in result.failed} == {"broken.pdf", "notes.exe", "empty.txt"}
    assert all(name in reason for name, reason in result.failed)  # the user's name, not ours
    assert not list(uploads_folder(own_copy).rglob("*.pdf"))
    with KnowledgeBase.open(own_copy) as kb:
        assert [d.doc_id for d in kb.documents(include_restricted=True)] == before


def test_upload_type_and_size_are_checked() -> None:
    assert check_upload("Report.PDF", 10) == ".pdf"
    with pytest.raises(Exception, match="not one of"):
        check_upload("macro.docm", 10)
    with pytest.raises(Exception, match="limit"):
        check_upload("huge.pdf", 51 * 1024 * 1024)


def test_document_text_is_shown_as_text_never_run(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "Hostile Test Note\n\nThe zebracorn review said <script>alert(1)</script> and "
        "<img src=x onerror=alert(2)> then **bold** and [link](javascript:alert(3)) and "
        "`code` and $x$ in the zebracorn paragraph.\n", encoding="utf-8")
    index = tmp_path / "hostile-index"
    with KnowledgeBase.open(index) as kb:
        assert not kb.ingest([hostile]).failed
    monkeypatch.setenv("KB_INDEX", str(index))
    app = start()
    app.text_input(key="search_query").input("zebracorn").run()
    bodies = "\n".join(html_of(app))
    assert "zebracorn" in bodies.lower()
    assert "<script>" not in bodies and "<img" not in bodies
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in bodies
    assert "**bold**" in bodies and "[link](javascript:alert(3))" in bodies  # no markdown
    for element in list(app.markdown) + list(app.caption):  # nothing document-borne in markdown
        assert "zebracorn" not in element.value.lower()


def test_a_library_that_cannot_open_shows_one_line(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    index = tmp_path / "other-model"
    with KnowledgeBase.open(index):
        pass
    manifest = index / "manifest.json"
    manifest.write_text(json.dumps({**json.loads(manifest.read_text()),
                                    "embedding_model": "another-model"}))
    monkeypatch.setenv("KB_INDEX", str(index))
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not app.exception
    assert len(app.error) == 1 and "\n" not in app.error[0].value
    assert "another-model" in app.error[0].value
