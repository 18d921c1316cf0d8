"""kb in the browser: the pages (files under kb_pages/), the sidebar and the shared style."""

from __future__ import annotations

import streamlit as st
from kb_pages.common import call, include_restricted, library
from kb_pages.login import account_box, require_login
from kb_pages.style import CSS

st.set_page_config(page_title="kb · safeguarding knowledge base", page_icon=":material/menu_book:",
                   layout="wide", initial_sidebar_state="expanded")
st.html(f"<style>{CSS}</style>")
require_login()  # stops here until someone signs in, when the library has users

PAGES = [  # file, title, icon, url
    ("search_page.py", "Search", "search", "search"),
    ("ask_page.py", "Ask", "question_answer", "ask"),
    ("check_page.py", "Check", "fact_check", "check"),
    ("reuse_page.py", "Reuse", "difference", "reuse"),
    ("themes_page.py", "Themes", "insights", "themes"),
    ("library_page.py", "Library", "library_books", "library"),
]
pages = st.navigation([st.Page(f"kb_pages/{file}", title=title, icon=f":material/{icon}:",
                               url_path=url, default=url == "search")
                       for file, title, icon, url in PAGES])

with st.sidebar:
    st.html('<div class="kb-brand">kb<span>safeguarding knowledge base</span></div>')
    account_box()
    if library().kb.user.sees_restricted:
        st.toggle("Include restricted documents", key="include_restricted", value=False,
                  help="Unpublished reviews, drafts and rapid reviews stay hidden unless this "
                       "is on.")
    documents = call(library().kb.documents, include_restricted())
    if documents is not None:
        passages = sum(d.passages for d in documents)
        st.caption(f"{len(documents)} documents · {passages} passages · offline")

pages.run()
