"""Check: a claim from a draft against the evidence, with the figures side by side."""

from __future__ import annotations

from typing import Any

import streamlit as st

from kb_pages.common import (
    citation_html,
    cite_link_bridge,
    cite_links_html,
    esc,
    guarded,
    meta_html,
    open_page_button,
    page_viewer,
    run_job,
)

VERDICTS = {"supported": "Supported", "contradicted": "Contradicted", "not_found": "Not found"}


def render() -> None:
    st.title("Check")
    claim = st.text_input("A claim to check", key="check_claim",
                          placeholder="e.g. The CP plan rate rose to 52 per 10,000 in 2021-22.")
    if not claim.strip():
        st.caption("kb reads the figures in the claim, finds the sources that state the same "
                   "measure, and says whether they agree.")
        return
    data = run_job("check", "Checking the sources…", "check", claim)
    if data is None:
        return
    kind = data["verdict"]
    links = cite_links_html(len(data["evidence"]), "check_open_")
    with st.container(border=True, key="check_verdict"):
        st.html(f'<span class="kb-badge kb-{esc(kind)}" id="kb-verdict">'
                f'{esc(VERDICTS.get(kind, kind))}</span>'
                f'<div class="kb-answer">{esc(data["explanation"])} {links}</div>')
    if data["evidence"]:
        cite_link_bridge()
        st.subheader("Evidence")
    for number, evidence in enumerate(data["evidence"], start=1):
        _evidence(evidence, number)
    page_viewer()


def _figures(figures: list[dict[str, Any]]) -> str:
    if not figures:
        return '<span class="kb-cite">none stated</span>'
    items = []
    for figure in figures:
        detail = " · ".join(esc(x) for x in (figure.get("measure"), figure.get("period")) if x)
        small = f" <small>{detail}</small>" if detail else ""
        items.append(f'<span class="kb-figure">{esc(figure.get("text", ""))}{small}</span>')
    return "".join(items)


def _evidence(evidence: dict[str, Any], number: int) -> None:
    with st.container(border=True):
        st.html(
            f'<div class="kb-card"><div class="kb-title"><span class="kb-rank">{number}</span>'
            f'{citation_html(evidence)}</div>{meta_html(evidence)}'
            f'<table class="kb-figures"><tr><th>Claimed</th><th>In the source</th></tr>'
            f'<tr><td>{_figures(evidence.get("numbers_in_claim", []))}</td>'
            f'<td>{_figures(evidence.get("numbers_in_source", []))}</td></tr></table>'
            f'<blockquote class="kb-quote">{esc(evidence.get("quote", ""))}</blockquote></div>')
        quoted = {**evidence, "text": evidence.get("quote") or evidence.get("text", "")}
        open_page_button(quoted, key=f"open_check_open_{number}")


guarded(render, "check")
