"""Whether Klick may serve on an address, and with which kind of login."""

from __future__ import annotations

import ipaddress
import tomllib
from enum import StrEnum
from pathlib import Path

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


class ServingMode(StrEnum):
    LOCAL = "local"  # loopback only: the one local user, no login
    OIDC = "oidc"  # Streamlit's st.login with [auth] in secrets
    ACCOUNTS = "accounts"  # Klick's own accounts (python -m storage add-user)
    REFUSED = "refused"  # reachable from the network, and nobody would have to log in


def is_loopback(address: str | None) -> bool:
    """Streamlit binds every interface when no address is set: that is not loopback."""
    if not address:
        return False
    if address.strip("[]") in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return False


def serving_mode(address: str | None, *, oidc_configured: bool, has_accounts: bool) -> ServingMode:
    if oidc_configured:
        return ServingMode.OIDC
    if has_accounts:
        return ServingMode.ACCOUNTS
    return ServingMode.LOCAL if is_loopback(address) else ServingMode.REFUSED


def secrets_have_auth(path: Path) -> bool:
    """Whether a Streamlit secrets file configures OIDC login."""
    try:
        secrets = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return False
    return isinstance(secrets.get("auth"), dict) and bool(secrets["auth"])
