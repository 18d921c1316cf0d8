"""Library: the documents with their metadata; add files with a progress bar; remove one."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from kb.errors import KBError
from kb.uploads import (
    ALLOWED_SUFFIXES,
    MAX_UPLOAD_BYTES,
    display_names,
    ingest_uploads,
    remove_document,
)
from kb_pages.common import (
    TYPE_LABELS,
    call,
    guarded,
    include_restricted,
    library,
    plain,
    wait_for_model,
)


def render() -> None:
    lib = library()
    st.title("Library")
    documents = call(lib.kb.documents, include_restricted()) or []
    index_dir = lib.kb.settings.index_dir
    names = display_names(index_dir)
    restricted = sum(d.access == "restricted" for d in documents)
    cols = st.columns(4)
    cols[0].metric("Documents", len(documents))
    cols[1].metric("Passages", sum(d.passages for d in documents))
    cols[2].metric("Reporting years", len({d.period for d in documents if d.period}))
    cols[3].metric("Restricted shown", restricted if include_restricted() else "hidden")
    if documents:
        _table(documents, names)
    else:
        st.info("No documents yet: add some below.")
    left, right = st.columns([3, 2], gap="large")
    with left:
        _upload(index_dir)
    with right:
        _remove(documents)


def _table(documents: list, names: dict[str, str]) -> None:
    """Every document in a sortable table (click a column header) that a search narrows."""
    needle = st.text_input("Find a document", key="library_filter",
                           placeholder="title, year, type, file name or ID").strip().lower()
    rows = [{
        "Title": d.title, "Type": TYPE_LABELS.get(d.doc_type, d.doc_type), "Year": d.period or "–",
        "Pages": d.pages, "Access": d.access, "Added": (d.added or "")[:16],
        "File": names.get(d.path, Path(d.path).name), "ID": d.doc_id, "Passages": d.passages,
    } for d in documents]
    if needle:
        rows = [row for row in rows if needle in " ".join(str(v) for v in row.values()).lower()]
    st.caption(f"{len(rows)} of {len(documents)} documents · click a column header to sort")
    st.dataframe(rows, hide_index=True, width="stretch", key="documents_table",
                 height=min(36 * (len(rows) + 1) + 3, 640), row_height=36,
                 column_config={
                     "Title": st.column_config.TextColumn(width="large"),
                     "Type": st.column_config.TextColumn(width="small"),
                     "Year": st.column_config.TextColumn(width="small"),
                     "Pages": st.column_config.NumberColumn(width="small", format="%d"),
                     "Access": st.column_config.TextColumn(width="small"),
                     "Added": st.column_config.TextColumn("Added (UTC)", width="small"),
                     "File": st.column_config.TextColumn(width="medium"),
                     "ID": st.column_config.TextColumn(width="medium"),
                     "Passages": st.column_config.NumberColumn(width="small")})


def _upload(index_dir: Path) -> None:
    st.subheader("Add documents")
    counter = st.session_state.setdefault("uploader_round", 0)
    files = st.file_uploader(
        f"PDF, Word, HTML, text or Markdown, up to {MAX_UPLOAD_BYTES // (1024 * 1024)} MB each",
        type=[s.lstrip(".") for s in ALLOWED_SUFFIXES], accept_multiple_files=True,
        key=f"uploader_{counter}")
    if st.button("Add to library", type="primary", disabled=not files, key="add_files",
                 icon=":material/upload:"):
        wait_for_model()
        bar = st.progress(0.0, text="Reading files…")

        def progress(done: int, total: int, message: str) -> None:
            bar.progress(min(1.0, done / total) if total else 1.0, text=message)

        try:
            result = ingest_uploads(index_dir, [(f.name, f.getvalue()) for f in files or []],
                                    progress, user=library().kb.user)
        except KBError as error:
            st.error(plain(str(error).splitlines()[0]))
            return
        bar.empty()
        st.session_state["upload_result"] = result
        st.session_state["uploader_round"] = counter + 1
        st.rerun()
    result = st.session_state.get("upload_result")
    if result is not None:
        if result.added or result.updated:
            st.success(plain(f"Added {len(result.added) + len(result.updated)} file(s): "
                             + ", ".join(result.added + result.updated)), icon=":material/check:")
        for name, reason in result.failed:
            st.error(plain(f"{name}: {reason.removeprefix(name + ': ')}"),
                     icon=":material/error:")


def _remove(documents: list) -> None:
    st.subheader("Remove a document")
    if not documents:
        st.caption("Nothing to remove.")
        return
    by_id = {d.doc_id: d for d in documents}
    doc_id = st.selectbox("Document", list(by_id), key="remove_choice",
                          format_func=lambda i: f"{by_id[i].title} ({by_id[i].period or '–'})")
    sure = st.checkbox("Remove it from the library", key="remove_confirm")
    if st.button("Remove", disabled=not sure, key="remove_button", icon=":material/delete:"):
        title = call(remove_document, library().kb, doc_id, include_restricted())
        if title is not None:
            st.session_state.pop("remove_confirm", None)
            st.toast(plain(f"Removed {title}"))
            st.rerun()


guarded(render, "library")
