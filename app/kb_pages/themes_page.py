"""Themes: how often each theme comes up per reporting year, and the passages behind a count."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from kb_pages.common import (
    TYPE_LABELS,
    page_viewer,
    passage_card,
    run_job,
)


def render() -> None:
    st.title("Themes")
    typed = st.text_input("Themes, separated by commas", key="themes_terms",
                          placeholder="e.g. neglect, fathers, professional curiosity, exploitation")
    terms = [term.strip() for term in typed.split(",") if term.strip()]
    if not terms:
        st.caption("See how often each theme comes up per reporting year, then read the "
                   "passages behind a count.")
        return
    data = run_job("themes", "Counting the themes…", "themes", terms)
    if data is None:
        return
    themes = data["themes"]
    periods = data.get("periods") or sorted({p for t in themes for p in t["by_period"]})
    chart = pd.DataFrame({t["term"]: [t["by_period"].get(p, 0) for p in periods]
                          for t in themes}, index=pd.Index(periods, name="Reporting year"))
    with st.container(border=True, key="themes_chart"):
        st.subheader("Passages per reporting year")
        st.bar_chart(chart, stack=False, y_label="passages", height=320)
        st.dataframe(pd.DataFrame([{"Theme": t["term"], "Total": t["total"], **{
            TYPE_LABELS.get(k, k): v for k, v in t["by_type"].items()}} for t in themes]
            ).fillna(0).astype({"Total": int}), hide_index=True, width="stretch")
    _passages(themes, periods)


def _passages(themes: list[dict[str, Any]], periods: list[str]) -> None:
    st.subheader("Read the passages")
    pick, year = st.columns(2)
    term = pick.selectbox("Theme", [t["term"] for t in themes], key="themes_pick")
    period = year.selectbox("Reporting year", ["", *periods], key="themes_period",
                            format_func=lambda p: p or "All years")
    theme = next(t for t in themes if t["term"] == term)
    chosen = [p for p in theme["passages"] if not period or p.get("period") == period]
    main, viewer = st.columns([3, 2], gap="large")
    with main:
        st.caption(f"{len(chosen)} passage{'s' * (len(chosen) != 1)}")
        for number, passage in enumerate(chosen[:30], start=1):
            passage_card(passage, key=f"theme_{passage['passage_id']}", rank=number)
        if len(chosen) > 30:
            st.caption(f"The first 30 of {len(chosen)}; pick a year to narrow them.")
    with viewer:
        page_viewer()


render()
