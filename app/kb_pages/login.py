"""The login gate: whenever the library has users, and always when the app listens beyond
loopback, nobody sees a page before signing in.

Two ways in: a name and password checked by the library (`kb users add`), or, when the
server is configured for it, Streamlit's own OIDC login (`st.login`, e.g. Microsoft Entra ID),
whose e-mail address must also be a user of the library (its role comes from there).
"""

from __future__ import annotations

import os

import streamlit as st

from kb.access import User
from kb.errors import KBError
from kb_pages.shared import shared_library

USER = "kb_user"  # session key: the User signed in
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def login_required() -> bool:
    """True when the library has users, or the server listens beyond loopback."""
    # no server.address means every interface: a bare `streamlit run` needs a login unless
    # KB_ADDRESS (set by kb.app_launch) says the server is on loopback
    address = str(st.get_option("server.address") or os.environ.get("KB_ADDRESS") or "")
    beyond_loopback = address not in LOOPBACK or os.environ.get("KB_REQUIRE_LOGIN") == "1"
    return beyond_loopback or shared_library().kb.needs_login


def signed_in() -> User | None:
    user = st.session_state.get(USER)
    return user if isinstance(user, User) else None


def require_login() -> None:
    """Draw the sign-in form and stop the page until someone has signed in."""
    if signed_in() is not None or not login_required():
        return
    kb = shared_library().kb
    st.title("Sign in")
    if not kb.needs_login:
        st.error("This library has no users yet, and the app is open beyond this computer: an "
                 "admin must first run `kb users add NAME --role admin`.")
        st.stop()
    provider = os.environ.get("KB_OIDC_PROVIDER")
    if provider:
        _oidc_login(kb, provider)
    with st.form("login", border=True):
        name = st.text_input("User name", key="login_name")
        password = st.text_input("Password", type="password", key="login_password")
        submitted = st.form_submit_button("Sign in", icon=":material/login:")
    if submitted:
        try:
            st.session_state[USER] = kb.login(name.strip(), password)
        except KBError as error:
            st.error(str(error).splitlines()[0])
        else:
            st.session_state.pop("login_password", None)
            st.rerun()
    st.stop()


def _oidc_login(kb: object, provider: str) -> None:
    """Streamlit's OIDC login (configured under [auth] in .streamlit/secrets.toml)."""
    if not st.user.is_logged_in:
        st.button(f"Sign in with {provider}", icon=":material/key:",
                  on_click=st.login, args=(None if provider == "default" else provider,))
        return
    email = str(st.user.get("email") or "")
    try:
        st.session_state[USER] = kb.as_user(User(email, "reader")).user  # type: ignore[attr-defined]
    except KBError:
        st.error(f"{email} is not a user of this library: ask an admin to add it.")
        st.button("Sign out", on_click=st.logout)
        st.stop()
    st.rerun()


def account_box() -> None:
    """In the sidebar: who is signed in, and a way out."""
    user = signed_in()
    if user is None:
        return
    st.caption(f"Signed in as **{user.name}** ({user.role})")
    if st.button("Sign out", key="sign_out", icon=":material/logout:"):
        for key in list(st.session_state):
            del st.session_state[key]  # results, the open viewer and the toggle go too
        if os.environ.get("KB_OIDC_PROVIDER") and st.user.is_logged_in:
            st.logout()
        st.rerun()
