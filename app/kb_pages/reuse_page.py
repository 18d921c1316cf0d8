"""Reuse: where each paragraph of a draft came from, what changed, which figures look stale."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import streamlit as st

from kb.errors import KBError
from kb.reuse import read_draft
from kb_pages.common import (
    citation_html,
    esc,
    guarded,
    open_page_button,
    page_viewer,
    plain,
    run_job,
)

KINDS = {"verbatim": "Verbatim", "edited": "Edited", "paraphrase": "Paraphrase", "new": "New"}
DRAFT_TYPES = ["txt", "md", "docx", "pdf"]


def render() -> None:
    st.title("Reuse")
    st.caption("Paste last year's text or this year's draft: each paragraph is matched to the "
               "library, with what changed and the figures carried over unchanged.")
    paste, upload = st.tabs(["Paste text", "Upload a draft"])
    with paste:
        pasted = st.text_area("Draft text (paragraphs separated by a blank line)",
                              key="reuse_text", height=180)
    with upload:
        draft = st.file_uploader("TXT, MD, DOCX or PDF", type=DRAFT_TYPES, key="reuse_file")
    text = _draft_text(draft) if draft is not None else pasted
    if not text or not text.strip():
        return
    data = run_job("reuse", "Matching paragraphs…", "reuse", text)
    if data is None:
        return
    counts = data.get("counts") or {}
    st.html("".join(f'<span class="kb-kind {k}">{esc(KINDS[k])} · {counts.get(k, 0)}</span>'
                    for k in KINDS))
    for paragraph in data["paragraphs"]:
        _paragraph(paragraph)
    page_viewer()


def _draft_text(upload: Any) -> str | None:
    """The uploaded draft's text, read by kb from a temporary copy under a generated name;
    an error names the user's file, never the server's temporary path."""
    suffix = Path(upload.name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="kb-draft-") as folder:
        path = Path(folder) / f"draft{suffix}"
        path.write_bytes(upload.getvalue())
        try:
            return read_draft(path)
        except KBError as error:
            message = str(error).splitlines()[0] if str(error) else type(error).__name__
            message = message.replace(str(path), upload.name).replace(folder, "")
            st.error(plain(message.replace(path.name, upload.name)), icon=":material/error:")
            return None


def _paragraph(paragraph: dict[str, Any]) -> None:
    kind = paragraph["kind"]
    source = paragraph.get("source")
    with st.container(border=False, key=f"reuse_para_{paragraph['index']}"):
        where = ""
        if source:
            where = (f' <span class="kb-cite">{round(100 * paragraph["similarity"])}% like '
                     f'{citation_html(source)}</span>')
        stale = "".join(f'<span class="kb-stale" title="the same figure as in the source">'
                        f'⚠ {esc(f["text"])} unchanged</span>'
                        for f in paragraph.get("stale_figures") or [])
        st.html(f'<div class="kb-para kb-kind-{esc(kind)}"><span class="kb-kind {esc(kind)}">'
                f'{esc(KINDS.get(kind, kind))}</span>{where}<div>{esc(paragraph["text"])}</div>'
                f'{f"<div>{stale}</div>" if stale else ""}</div>')
        changes = paragraph.get("changes") or []
        if source and (changes or paragraph.get("source_quote")):
            with st.expander(f"Changes from the source ({len(changes)})"):
                if changes:
                    st.html(f'<div class="kb-diff">{_diff_html(changes)}</div>')
                else:
                    st.caption("No word changed.")
                quote = paragraph.get("source_quote") or source.get("text", "")
                st.html(f'<blockquote class="kb-quote">{esc(quote)}</blockquote>')
                open_page_button({**source, "text": quote},
                                 key=f"open_reuse_{paragraph['index']}")


def _diff_html(changes: list[dict[str, str]]) -> str:
    rows = []
    for change in changes:
        old = f"<del>{esc(change['source'])}</del>" if change.get("source") else ""
        new = f"<ins>{esc(change['draft'])}</ins>" if change.get("draft") else ""
        arrow = " → " if old and new else " "
        rows.append(f"<li>{old}{arrow}{new}</li>")
    return f"<ul>{''.join(rows)}</ul>"


guarded(render, "reuse")
