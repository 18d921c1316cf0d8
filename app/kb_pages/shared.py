"""The library the whole server shares: one KnowledgeBase per index folder, its lock, and
whether the embedding model has loaded."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import streamlit as st

from kb import KnowledgeBase, Settings
from kb.app_launch import warm_model
from kb.errors import KBError


@dataclass
class Library:
    kb: KnowledgeBase
    lock: threading.RLock
    model_ready: threading.Event


@st.cache_resource(show_spinner=False)
def open_library(index_dir: str) -> Library:
    """One KnowledgeBase per index folder for the whole server; the model warms meanwhile."""
    return Library(KnowledgeBase.open(index_dir), threading.RLock(), warm_model())


def shared_library() -> Library:
    """The library the whole server shares; if it cannot be opened, say why in one line and
    stop the page."""
    try:
        return open_library(str(Settings.load().index_dir.resolve()))
    except KBError as error:
        st.error(str(error).splitlines()[0], icon=":material/error:")
        st.stop()
