"""What every page shares: the open library, error display, escaped HTML and the page viewer."""

from __future__ import annotations

import base64
import html
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from kb.errors import KBError
from kb_pages.login import signed_in
from kb_pages.shared import Library, shared_library

T = TypeVar("T")
VIEWER = "viewer"  # session key: the citation whose page is open, and the page it was opened on
PAGE = "kb_page"  # session key: the page of the app being drawn
ZOOMS = {"Fit": 100, "150%": 150, "200%": 200, "300%": 300}
log = logging.getLogger("kb.app")
TYPE_LABELS = {"annual-report": "Annual report", "practice-review": "Practice review",
               "inspection": "Inspection", "committee-report": "Committee report",
               "other": "Other"}


def library() -> Library:
    """The shared library as this session's signed-in user sees it (kb.login.py)."""
    shared = shared_library()
    try:
        view = shared.kb.as_user(signed_in())
    except KBError:  # the user was removed meanwhile: sign in again
        st.session_state.clear()
        st.rerun()
    return Library(view, shared.lock, shared.model_ready)


def include_restricted() -> bool:
    """The sidebar's switch, for a user whose role may see restricted documents."""
    return bool(st.session_state.get("include_restricted", False)) and \
        library().kb.user.sees_restricted


def call(function: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """One call into kb under the library's lock; an error becomes a one-line st.error."""
    lib = library()
    try:
        with lib.lock:
            return function(*args, **kwargs)
    except KBError as error:
        st.error(str(error).splitlines()[0] if str(error) else type(error).__name__)
        return None


def guarded(render: Callable[[], None], page: str) -> None:
    """Draw a page; anything unexpected is logged on the server and shown as one line, never
    as a traceback with server paths in the browser."""
    if st.session_state.get(PAGE) != page:
        st.session_state[PAGE] = page
        st.session_state.pop(VIEWER, None)  # a page opened elsewhere does not follow you here
    try:
        render()
    except KBError as error:
        st.error(str(error).splitlines()[0] if str(error) else type(error).__name__)
    except Exception as error:  # noqa: BLE001 - shown in one line, the traceback goes to the log
        log.exception("the %s page failed", page)
        st.error(f"Something went wrong on this page ({type(error).__name__}). Try other "
                 "input; the details are in the server's log.", icon=":material/error:")


def restricted_ids() -> set[str]:
    """The doc_ids of restricted documents the current view may show (empty when hidden)."""
    if not include_restricted():
        return set()
    documents = call(library().kb.documents, True) or []
    return {d.doc_id for d in documents if d.access == "restricted"}


def wait_for_model(timeout: float = 60.0) -> None:
    """Ask, check, reuse and themes need the model: wait for the warm-up, not load it twice."""
    ready = library().model_ready
    if not ready.is_set():
        with st.spinner("Loading the language model…"):
            ready.wait(timeout)


# Escaped HTML. Every piece of document text goes through html.escape; st.html does no
# markdown, so `**x**` and `[a](b)` in a document stay literal text.

def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def plain(text: object) -> str:
    """Text for st.error/st.success (which read Markdown) shown exactly as written."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|~<>$:])", r"\\\1", str(text))


def marked(text: str, marks: list[tuple[int, int]] | list[list[int]], start: int = 0,
           end: int | None = None) -> str:
    """text[start:end] escaped, with <mark> around the spans in `marks`."""
    end = len(text) if end is None else end
    pieces, cursor = [], start
    for span_start, span_end in sorted((int(s), int(e)) for s, e in marks):
        if span_start < cursor or span_end > end:
            continue
        pieces.append(esc(text[cursor:span_start]))
        pieces.append(f"<mark>{esc(text[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(esc(text[cursor:end]))
    return "".join(pieces)


def snippet_html(text: str, marks: list[tuple[int, int]], width: int = 300) -> str:
    """About `width` characters around the first run of marks, escaped and marked."""
    start = 0
    if marks:
        best = max(range(len(marks)), key=lambda i: sum(
            1 for s, _ in marks if marks[i][0] <= s < marks[i][0] + width))
        start = max(0, marks[best][0] - width // 4)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    end = min(len(text), start + width)
    while end < len(text) and not text[end].isspace() and end - start < width + 30:
        end += 1
    body = marked(text, marks, start, end)
    return ("… " if start > 0 else "") + body + (" …" if end < len(text) else "")


def bold_markers_html(text: str) -> str:
    """A kb string whose key phrase kb wrapped in **: escaped, the phrase in <strong>."""
    parts = text.split("**")
    if len(parts) % 2 == 0:  # unbalanced: the document's own asterisks, show as is
        return esc(text)
    return "".join(f"<strong>{esc(p)}</strong>" if i % 2 else esc(p) for i, p in enumerate(parts))


def meta_html(item: dict[str, Any]) -> str:
    chips = []
    if item.get("access") == "restricted" or item.get("doc_id") in restricted_ids():
        chips.append('<span class="kb-chip kb-chip-restricted">Restricted</span>')
    if item.get("period"):
        chips.append(f'<span class="kb-chip">{esc(item["period"])}</span>')
    if item.get("doc_type"):
        label = TYPE_LABELS.get(item["doc_type"], item["doc_type"])
        chips.append(f'<span class="kb-chip kb-chip-type">{esc(label)}</span>')
    where = []
    if item.get("page"):
        page_end = item.get("page_end")
        pages = f"pp. {item['page']}–{page_end}" if page_end and page_end != item["page"] \
            else f"p. {item['page']}"
        where.append(pages)
    if item.get("section"):
        where.append(f"§ {esc(item['section'])}")
    return f'<div class="kb-meta">{"".join(chips)}<span>{" · ".join(where)}</span></div>'


def citation_html(item: dict[str, Any]) -> str:
    page = f", p. {item['page']}" if item.get("page") else ""
    restricted = ('<span class="kb-chip kb-chip-restricted">Restricted</span>'
                  if item.get("doc_id") in restricted_ids() else "")
    return f'<span class="kb-cite">{esc(item.get("title", ""))}{page}</span> {restricted}'


def cite_links_html(count: int, prefix: str) -> str:
    """Inline [1] [2] … that open their source's page (see cite_link_bridge)."""
    return " ".join(f'<a class="kb-cite-link" href="#" data-kb-open="{prefix}{n}" '
                    f'title="Open the page of source {n}">[{n}]</a>' for n in range(1, count + 1))


def cite_link_bridge() -> None:
    """st.html runs no script: this zero-height component makes a click on an inline [n] click
    the button of that source (the one with key `<prefix><n>`)."""
    st.iframe("""<script>
const doc = window.parent.document;
if (!doc.kbCiteBridge) {
  doc.kbCiteBridge = true;
  doc.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-kb-open]');
    if (!link) return;
    event.preventDefault();
    const button = doc.querySelector('.st-key-open_' + link.dataset.kbOpen + ' button');
    if (button) button.click();
  });
}
</script>""", height=1)


def open_page_button(item: dict[str, Any], key: str, label: str | None = None) -> None:
    """A button that opens the item's page (or passage) in the viewer."""
    page = item.get("page")
    label = label or (f"Open page {page}" if page else "Open passage")
    st.button(label, key=key, icon=":material/description:", on_click=_open_viewer,
              args=({"doc_id": item["doc_id"], "title": item.get("title", ""),
                     "path": item["path"], "page": page,
                     "text": item.get("text") or item.get("quote") or ""},))


def _open_viewer(target: dict[str, Any]) -> None:
    st.session_state[VIEWER] = {**target, "scope": st.session_state.get(PAGE)}


def _close_viewer() -> None:
    st.session_state.pop(VIEWER, None)


def _record_download(doc_id: str) -> None:
    call(library().kb.download_source, doc_id, include_restricted())


@st.cache_data(max_entries=64, show_spinner=False)
def _page_png(path: str, page: int, text: str, modified: float) -> tuple[bytes, bool, int]:
    from kb.page_image import render_page

    image = render_page(path, page, text, scale=2.5)
    return image.png, image.found, image.pages


def page_viewer() -> None:
    """The citation opened on this page, in a wide dialog: its PDF page with the passage
    highlighted, zoom, and the original file. A page opened elsewhere is not shown here."""
    target = st.session_state.get(VIEWER)
    if target and target.get("scope") == st.session_state.get(PAGE) and _may_open(target):
        _viewer_dialog(target)


def _may_open(target: dict[str, Any]) -> bool:
    """Asked of kb on every draw: a restricted page opened earlier closes, saying nothing,
    once the switch is off or its user signed out. Logged once, when first opened."""
    lib = library()
    try:
        with lib.lock:
            lib.kb.open_source(target["doc_id"], target.get("page"), include_restricted(),
                               record=not target.get("opened"))
    except KBError:
        st.session_state.pop(VIEWER, None)
        return False
    target["opened"] = True
    return True


@st.dialog("Source", width="large", on_dismiss=_close_viewer)
def _viewer_dialog(target: dict[str, Any]) -> None:
    with st.container(key="page_viewer"):
        st.html(f'<div class="kb-viewer-title">{esc(target["title"])}</div>')
        path = Path(target["path"])
        if not path.is_file():
            st.error(f"The original file is missing: {path.name}. Ingest it again.")
            return
        if target.get("page") and path.suffix.lower() == ".pdf":
            _page_image(path, target)
        else:
            st.html(f'<div class="kb-passage">{esc(target["text"])}</div>')
        columns = st.columns(2)
        columns[0].download_button("Download the original", data=path.read_bytes(),
                                   file_name=path.name, icon=":material/download:",
                                   key="download_original", width="stretch",
                                   on_click=_record_download, args=(target["doc_id"],))
        columns[1].button("Close", key="close_viewer", on_click=_close_viewer,
                          icon=":material/close:", width="stretch")


def _page_image(path: Path, target: dict[str, Any]) -> None:
    try:
        png, found, pages = _page_png(str(path), int(target["page"]), target["text"],
                                      path.stat().st_mtime)
    except KBError as error:
        st.error(str(error).splitlines()[0])
        return
    zoom = st.segmented_control("Zoom", list(ZOOMS), default="Fit", key="viewer_zoom") or "Fit"
    note = ("The passage is highlighted in yellow." if found
            else "The passage could not be located on this page image.")
    st.caption(f"Page {target['page']} of {pages} · {note}")
    encoded = base64.b64encode(png).decode("ascii")
    st.html(f'<div class="kb-page-scroll"><img class="kb-page-image" alt="Page '
            f'{int(target["page"])}" style="width:{ZOOMS[zoom]}%" '
            f'src="data:image/png;base64,{encoded}"></div>')


def passage_card(item: dict[str, Any], key: str, marks: list[tuple[int, int]] | None = None,
                 rank: int | None = None, quote: str | None = None) -> None:
    """A cited passage: title, period, type, page, section, the text, and its buttons."""
    text = item.get("text", "")
    with st.container(border=True):
        number = f'<span class="kb-rank">{rank}</span>' if rank else ""
        body = (f'<blockquote class="kb-quote">{esc(quote)}</blockquote>' if quote else
                f'<div class="kb-snippet">{snippet_html(text, marks or [])}</div>')
        st.html(f'<div class="kb-card"><div class="kb-title">{number}{esc(item["title"])}</div>'
                f'{meta_html(item)}{body}</div>')
        left, right = st.columns([1, 2], vertical_alignment="top")
        with left:
            open_page_button(item, key=f"open_{key}")
        with right, st.expander("Whole passage"):
            st.html(f'<div class="kb-passage">{marked(text, marks or [])}</div>')


def run_job(name: str, message: str, method: str, argument: Any) -> dict[str, Any] | None:
    """One model-backed call into kb (ask, check, reuse, themes) for a page: wait for the
    model, call it once per argument, and give its JSON-shaped result (None after an error)."""
    wait_for_model()
    if method == "reuse":  # a long draft: a bar that moves per paragraph, not a spinner
        bar = st.progress(0.0, text=message)

        def advance(done: int, total: int, what: str) -> None:
            bar.progress(done / max(1, total), text=f"{done} of {total} {what}")

        result = remembered(name, getattr(library().kb, method), argument,
                            include_restricted=include_restricted(),
                            untracked={"progress": advance})
        bar.empty()
    else:
        with st.spinner(message):
            result = remembered(name, getattr(library().kb, method), argument,
                                include_restricted=include_restricted())
    return None if result is None else result.to_dict()


def remembered(name: str, function: Callable[..., T], *args: Any,
               untracked: dict[str, Any] | None = None, **kwargs: Any) -> T | None:
    """call(), but the last result per page is kept for its arguments, so reruns (opening
    a page, expanding a passage) do not ask kb again; `untracked` arguments (a progress
    callback) are passed but are no part of what is remembered."""
    key = f"_last_{name}"
    signature = (args, tuple(sorted(kwargs.items())))
    last = st.session_state.get(key)
    if last is not None and last[0] == signature:
        return last[1]
    result = call(function, *args, **kwargs, **(untracked or {}))
    if result is not None:
        st.session_state[key] = (signature, result)
    return result
