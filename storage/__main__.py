"""`python -m storage`: upgrade, back up and restore, add a user, export, check serving."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from storage import account_service, accounts, owners, privacy
from storage.backup import BackupError, backup_sqlite, restore_sqlite
from storage.db import open_database
from storage.serving import ServingMode, secrets_have_auth, serving_mode
from storage.settings import Settings, load_settings

SECRETS = Path(".streamlit") / "secrets.toml"


def upgrade(args: argparse.Namespace, settings: Settings) -> int:
    open_database(settings.database_url).dispose()
    print("Database is up to date.")
    return 0


def backup(args: argparse.Namespace, settings: Settings) -> int:
    target = backup_sqlite(settings.database_url, args.path)
    print(f"Backup written to {target}")
    return 0


def restore(args: argparse.Namespace, settings: Settings) -> int:
    restored = restore_sqlite(settings.database_url, args.path, force=args.force)
    print(f"Restored {args.path} into {restored.database}; it passed the integrity check.")
    if restored.previous is not None:
        print(f"The database it replaced is kept as {restored.previous}")
    return 0


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise accounts.AccountError("The two passwords differ.")
    return first


def add_user(args: argparse.Namespace, settings: Settings) -> int:
    password = _read_password(args.password_stdin)
    database = open_database(settings.database_url)
    try:
        owner = account_service.add_user(
            database, args.username, password, display_name=args.display_name
        )
    finally:
        database.dispose()
    print(f"Account {owner.username} created.")
    return 0


def export(args: argparse.Namespace, settings: Settings) -> int:
    if args.out.exists():
        raise BackupError(f"{args.out} exists already; choose a new file name.")
    database = open_database(settings.database_url)
    try:
        with database.read() as session:
            owner = owners.find_owner(session, args.username)
            if owner is None:
                raise accounts.AccountError(f"There is no account named {args.username}.")
            data = privacy.export_owner_data(session, owner.id)
    finally:
        database.dispose()
    args.out.write_bytes(data)
    print(f"Everything of {owner.username} written to {args.out}")
    return 0


# The command line speaks English; the app shows the same refusal in the user's language.
REFUSAL = (
    "Klick holds personal data and is served beyond this computer ({address}), but no login "
    "is configured. Either add an account with `.venv/bin/python -m storage add-user NAME`, "
    "or configure OIDC login in .streamlit/secrets.toml ([auth]), or serve on 127.0.0.1."
)


def check_serving(args: argparse.Namespace, settings: Settings) -> int:
    """Refuse to serve beyond this computer when nobody would have to log in."""
    database = open_database(settings.database_url)
    try:
        with database.read() as session:
            has_accounts = accounts.has_accounts(session)
    finally:
        database.dispose()
    mode = serving_mode(
        args.address, oidc_configured=secrets_have_auth(args.secrets), has_accounts=has_accounts
    )
    if mode is ServingMode.REFUSED:
        print(REFUSAL.format(address=args.address or "all interfaces"), file=sys.stderr)
        return 1
    print(f"Serving on {args.address}: {mode.value} login.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m storage", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("upgrade", help="apply all migrations to the configured database")
    cmd = commands.add_parser("backup", help="consistent copy of the live SQLite database")
    cmd.add_argument("path", type=Path, help="file to write (must not exist yet)")
    cmd = commands.add_parser("restore", help="put a checked backup in place (Klick stopped)")
    cmd.add_argument("path", type=Path, help="a file written by `backup`")
    cmd.add_argument("--force", action="store_true", help="replace a database holding contacts")
    cmd = commands.add_parser("add-user", help="create an account that logs in with a password")
    cmd.add_argument("username")
    cmd.add_argument("--display-name", default="", help="the name follow-ups are signed with")
    cmd.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    cmd = commands.add_parser("export", help="zip of everything Klick keeps for one account")
    cmd.add_argument("username", nargs="?", default=owners.LOCAL_USERNAME)
    cmd.add_argument("--out", type=Path, required=True)
    cmd = commands.add_parser("check-serving", help="exit 1 when serving would need a login")
    cmd.add_argument("--address", default="")
    cmd.add_argument("--secrets", type=Path, default=SECRETS)
    return parser


HANDLERS = {
    "upgrade": upgrade,
    "backup": backup,
    "restore": restore,
    "add-user": add_user,
    "export": export,
    "check-serving": check_serving,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return HANDLERS[args.command](args, load_settings())
    except (BackupError, accounts.AccountError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
