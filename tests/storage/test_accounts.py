"""Accounts, login throttling and the decision whether Klick may serve an address."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from storage import accounts
from storage.db import Database
from storage.serving import ServingMode, is_loopback, secrets_have_auth, serving_mode
from storage.throttle import LoginThrottle
from tests.support import call_cli

PASSWORD = "correct horse battery"


def test_accounts_store_argon2id_hashes_and_authenticate(database: Database) -> None:
    with database.write() as session:
        assert not accounts.has_accounts(session)
        created = accounts.add_user(session, " Jana@Team ", PASSWORD, display_name="Jana")
        assert accounts.has_accounts(session)
    assert created.username == "jana@team"
    with database.read() as session:
        from storage.models import Owner

        stored = session.get(Owner, created.id)
        assert stored is not None and stored.password_hash.startswith("$argon2id$")
        assert PASSWORD not in stored.password_hash
        assert accounts.authenticate(session, "JANA@team", PASSWORD) == created
        assert accounts.authenticate(session, "jana@team", PASSWORD + "x") is None
        assert accounts.authenticate(session, "nobody", PASSWORD) is None


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [("ab", PASSWORD, "3 to 80"), ("jo <script>", PASSWORD, "3 to 80"), ("jana", "short", "10")],
)
def test_bad_accounts_are_refused(
    database: Database, username: str, password: str, message: str
) -> None:
    with pytest.raises(accounts.AccountError, match=message), database.write() as session:
        accounts.add_user(session, username, password)


def test_an_account_name_is_taken_once(database: Database) -> None:
    with database.write() as session:
        accounts.add_user(session, "jana", PASSWORD)
    with pytest.raises(accounts.AccountError, match="already"), database.write() as session:
        accounts.add_user(session, "JANA", PASSWORD)


def test_throttle_blocks_after_five_failures_per_key_and_forgets_after_the_window() -> None:
    now = [1000.0]
    throttle = LoginThrottle(max_failures=5, window_s=900, clock=lambda: now[0])
    for _ in range(4):
        throttle.failed("user:jana", "ip:1.2.3.4")
    assert throttle.retry_after("user:jana", "ip:1.2.3.4") == 0
    throttle.failed("user:jana", "ip:1.2.3.4")
    assert throttle.retry_after("user:jana") == pytest.approx(900)
    assert throttle.retry_after("user:other", "ip:1.2.3.4") > 0  # the address is blocked too
    assert throttle.retry_after("user:other", "ip:5.6.7.8") == 0
    now[0] += 901
    assert throttle.retry_after("user:jana", "ip:1.2.3.4") == 0


def test_a_successful_login_clears_the_users_failures() -> None:
    throttle = LoginThrottle(max_failures=2)
    throttle.failed("user:jana")
    throttle.succeeded("user:jana")
    throttle.failed("user:jana")
    assert throttle.retry_after("user:jana") == 0


@pytest.mark.parametrize(
    ("address", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.8.0.1", True),
        ("0.0.0.0", False),
        ("", False),
        (None, False),
        ("192.168.1.20", False),
        ("klick.example", False),
    ],
)
def test_loopback_addresses(address: str | None, loopback: bool) -> None:
    assert is_loopback(address) is loopback


def test_serving_mode_requires_a_login_beyond_loopback() -> None:
    assert serving_mode("127.0.0.1", oidc_configured=False, has_accounts=False) is ServingMode.LOCAL
    assert serving_mode("0.0.0.0", oidc_configured=False, has_accounts=False) is (
        ServingMode.REFUSED
    )
    assert serving_mode("0.0.0.0", oidc_configured=False, has_accounts=True) is (
        ServingMode.ACCOUNTS
    )
    assert serving_mode("0.0.0.0", oidc_configured=True, has_accounts=True) is ServingMode.OIDC
    # Behind a reverse proxy Klick listens on loopback: configured logins still apply.
    assert serving_mode("127.0.0.1", oidc_configured=False, has_accounts=True) is (
        ServingMode.ACCOUNTS
    )


def test_secrets_with_an_auth_section_mean_oidc(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets.toml"
    assert not secrets_have_auth(secrets)
    secrets.write_text('[auth]\nredirect_uri = "https://klick.example/oauth2callback"\n')
    assert secrets_have_auth(secrets)
    secrets.write_text("not = [toml")
    assert not secrets_have_auth(secrets)


def _storage_cli(*args: str, data_dir: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return call_cli("storage", *args, data_dir=data_dir, stdin=stdin)


def test_serving_the_network_without_a_login_is_refused_then_allowed(tmp_path: Path) -> None:
    no_secrets = ["--secrets", str(tmp_path / "none.toml")]
    refused = _storage_cli("check-serving", "--address", "0.0.0.0", *no_secrets, data_dir=tmp_path)
    assert refused.returncode == 1 and "no login is configured" in refused.stderr
    local = _storage_cli("check-serving", "--address", "127.0.0.1", *no_secrets, data_dir=tmp_path)
    assert local.returncode == 0

    added = _storage_cli(
        "add-user", "jana", "--password-stdin", data_dir=tmp_path, stdin=PASSWORD + "\n"
    )
    assert added.returncode == 0, added.stderr
    allowed = _storage_cli("check-serving", "--address", "0.0.0.0", *no_secrets, data_dir=tmp_path)
    assert allowed.returncode == 0 and "accounts" in allowed.stdout
    again = _storage_cli(
        "add-user", "jana", "--password-stdin", data_dir=tmp_path, stdin=PASSWORD + "\n"
    )
    assert again.returncode == 1 and "already" in again.stderr
