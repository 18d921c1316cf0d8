"""Search: a theme or phrase in, ranked cited passages out, each opening its page."""

from __future__ import annotations

import streamlit as st

from kb.extract.metadata import DOC_TYPES
from kb_pages.common import (
    TYPE_LABELS,
    call,
    esc,
    guarded,
    include_restricted,
    library,
    page_viewer,
    passage_card,
)

MODES = {"hybrid": "Hybrid", "keyword": "Keywords", "semantic": "Meaning"}
EXAMPLES = "professional curiosity · was not brought · invisible men · adultification"


def render() -> None:
    lib = library()
    if "search_query" not in st.session_state and st.query_params.get("q"):
        st.session_state["search_query"] = st.query_params["q"]
    st.title("Search")
    query = st.text_input("Search the library", key="search_query",
                          placeholder=f"e.g. {EXAMPLES}")
    documents = call(lib.kb.documents, include_restricted()) or []
    periods = sorted({d.period for d in documents if d.period}, reverse=True)
    mode_col, period_col, type_col = st.columns(3)
    mode = mode_col.selectbox("Mode", list(MODES), format_func=MODES.__getitem__,
                              key="search_mode")
    period = period_col.selectbox("Reporting year", ["", *periods], key="search_period",
                                  format_func=lambda p: p or "All years")
    doc_type = type_col.selectbox("Document type", ["", *DOC_TYPES], key="search_type",
                                  format_func=lambda t: TYPE_LABELS.get(t, t) if t else "All types")
    if not documents:
        st.info("The library is empty. Add documents on the Library page.")
        return
    if not query.strip():
        st.caption(f"Try: {EXAMPLES}")
        return
    notice = None
    if mode != "keyword" and not lib.model_ready.wait(0.5):
        # The first seconds after launch: answer from keywords while the model loads.
        notice = "The language model is still loading: these are keyword matches for now."
        mode = "keyword"
        _refresh_when_model_ready()
    result = call(lib.kb.search, query, k=10, period=period, doc_type=doc_type, mode=mode,
                  include_restricted=include_restricted())
    if result is None:
        return
    _summary(result, notice)
    for hit in result.results:
        passage_card(hit.to_dict(), key=f"hit_{hit.passage_id}", marks=hit.marks, rank=hit.rank)
    page_viewer()


def _summary(result, notice: str | None) -> None:
    found = len(result.results)
    line = f"{found} result{'s' * (found != 1)} · {result.took_ms:.0f} ms"
    if result.corrections:
        fixed = ", ".join(f"{esc(a)} → {esc(b)}" for a, b in result.corrections.items())
        line += f" · searched for <em>{esc(result.searched)}</em> ({fixed})"
    st.html(f'<div class="kb-meta" id="kb-result-summary" data-query="{esc(result.query)}">'
            f'{line}</div>')
    if notice:
        st.caption(notice)
    if result.note and found:
        st.caption(result.note)
    if not found:
        st.info("No passages match. Try fewer words, another mode, or all years.")


@st.fragment(run_every=1.0)
def _refresh_when_model_ready() -> None:
    if library().model_ready.is_set():
        st.rerun(scope="app")


guarded(render, "search")
