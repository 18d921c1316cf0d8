"""Themes: how often each theme comes up per reporting year, and the passages behind a count."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from kb_pages.common import (
    TYPE_LABELS,
    guarded,
    page_viewer,
    passage_card,
    run_job,
)

# Okabe-Ito: neighbours stay apart in hue and lightness, also for colour-blind readers
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000"]
MEASURES = {"per_100": "Per 100 passages of that year", "by_period": "Passages"}


def render() -> None:
    st.title("Themes")
    typed = st.text_input("Themes, separated by commas", key="themes_terms",
                          placeholder="e.g. neglect, fathers, professional curiosity, exploitation")
    terms = list(dict.fromkeys(term.strip() for term in typed.split(",") if term.strip()))
    if not terms:
        st.caption("See how often each theme comes up per reporting year, then read the "
                   "passages behind a count.")
        return
    data = run_job("themes", "Counting the themes…", "themes", terms)
    if data is None:
        return
    themes = data["themes"]
    periods = data["periods"]
    with st.container(border=True, key="themes_chart"):
        measure = st.segmented_control("Count", list(MEASURES), format_func=MEASURES.get,
                                       default="per_100", key="themes_measure") or "per_100"
        st.altair_chart(chart(themes, periods, measure), width="stretch")
        sizes = data.get("passages_per_period") or {}
        st.caption("Every reporting year of the library is on the axis. Passages held per year: "
                   + ", ".join(f"{p} {sizes.get(p, 0)}" for p in periods))
        st.dataframe(pd.DataFrame([{"Theme": t["term"], "Total": t["total"], **{
            TYPE_LABELS.get(k, k): v for k, v in t["by_type"].items()}} for t in themes]
            ).fillna(0).astype({"Total": int}), hide_index=True, width="stretch")
    _passages(themes, periods)


def chart(themes: list[dict[str, Any]], periods: list[str], measure: str) -> alt.Chart:
    """Grouped bars: every period on the axis, themes in the order typed, distinct colours.
    Theme names go in as data values only (never as field names), so any text is safe."""
    rows = [{"year": period, "theme": theme["term"], "order": number,
             "value": theme[measure].get(period, 0), "passages": theme["by_period"].get(period, 0),
             "per_100": theme["per_100"].get(period, 0.0)}
            for number, theme in enumerate(themes) for period in periods]
    names = [theme["term"] for theme in themes]
    colour = alt.Color("theme:N", title="Theme", sort=names,
                       scale=alt.Scale(domain=names, range=PALETTE[:len(names)] or PALETTE),
                       legend=alt.Legend(orient="top"))
    return alt.Chart(pd.DataFrame(rows)).mark_bar().encode(
        x=alt.X("year:N", title="Reporting year", sort=periods, axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("theme:N", sort=names),
        y=alt.Y("value:Q", title=MEASURES[measure].lower()),
        color=colour,
        tooltip=[alt.Tooltip("theme:N", title="Theme"), alt.Tooltip("year:N", title="Year"),
                 alt.Tooltip("passages:Q", title="Passages"),
                 alt.Tooltip("per_100:Q", title="Per 100 passages", format=".1f")],
    ).properties(height=320)


def _passages(themes: list[dict[str, Any]], periods: list[str]) -> None:
    st.subheader("Read the passages")
    pick, year = st.columns(2)
    term = pick.selectbox("Theme", [t["term"] for t in themes], key="themes_pick")
    period = year.selectbox("Reporting year", ["", *periods], key="themes_period",
                            format_func=lambda p: p or "All years")
    theme = next((t for t in themes if t["term"] == term), themes[0])
    chosen = [p for p in theme["passages"] if not period or (p.get("period") or "undated")
              == period]
    st.caption(f"{len(chosen)} passage{'s' * (len(chosen) != 1)}")
    for number, passage in enumerate(chosen[:30], start=1):
        passage_card(passage, key=f"theme_{passage['passage_id']}", rank=number,
                     marks=[tuple(m) for m in passage.get("marks", [])])
    if len(chosen) > 30:
        st.caption(f"The first 30 of {len(chosen)}; pick a year to narrow them.")
    page_viewer()


guarded(render, "themes")
