"""Ask: a question in, the sentences that answer it with citations, or an honest "not found"."""

from __future__ import annotations

import streamlit as st

from kb_pages.common import (
    bold_markers_html,
    citation_html,
    cite_link_bridge,
    cite_links_html,
    esc,
    guarded,
    open_page_button,
    page_viewer,
    passage_card,
    run_job,
)


def render() -> None:
    st.title("Ask")
    question = st.text_input("Ask a question of the library", key="ask_question",
                             placeholder="e.g. How many rapid reviews were completed in 2021-22?")
    if not question.strip():
        st.caption("Answers quote the documents and cite the page; when the library does not "
                   "say, kb says so.")
        return
    data = run_job("ask", "Reading the library…", "ask", question)
    if data is None:
        return
    if data["answer_found"]:
        _answer(data)
    else:
        st.warning("Not found: the library does not answer this question. "
                   "These are the closest passages.", icon=":material/search_off:")
        for number, passage in enumerate(data["passages"], start=1):
            passage_card(passage, key=f"ask_near_{number}", rank=number)
    page_viewer()


def _answer(data: dict) -> None:
    text = data.get("marked") or data.get("answer") or ""
    notes = cite_links_html(len(data["citations"]), "ask_cite_")
    with st.container(border=True, key="ask_answer"):
        st.html(f'<div class="kb-answer">{bold_markers_html(text)} {notes}</div>')
    cite_link_bridge()
    st.subheader("Sources")
    for number, citation in enumerate(data["citations"], start=1):
        with st.container(border=True):
            st.html(f'<div class="kb-card"><div class="kb-title"><span class="kb-rank">{number}'
                    f'</span>{citation_html(citation)}</div><blockquote class="kb-quote">'
                    f'{esc(citation["quote"])}</blockquote></div>')
            open_page_button(citation, key=f"open_ask_cite_{number}")
    if data["passages"]:
        with st.expander("Passages read"):
            for number, passage in enumerate(data["passages"], start=1):
                passage_card(passage, key=f"ask_read_{number}", rank=number)


guarded(render, "ask")
