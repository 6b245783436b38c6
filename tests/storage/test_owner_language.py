"""The language an account chose is kept with the account, apart from every other account."""

from __future__ import annotations

import pytest

from storage import account_service, owners, privacy
from storage.db import Database


def test_a_new_account_follows_the_browser(database: Database) -> None:
    owner = account_service.owner_for(database, owners.LOCAL_USERNAME)
    assert account_service.language_of(database, owner.id) == ""


def test_the_chosen_language_is_kept_per_account(database: Database) -> None:
    mine = account_service.owner_for(database, owners.LOCAL_USERNAME)
    theirs = account_service.owner_for(database, "oidc:someone@example.org")
    account_service.set_language(database, mine.id, "DE ")
    account_service.set_language(database, theirs.id, "en")
    assert account_service.language_of(database, mine.id) == "de"
    assert account_service.language_of(database, theirs.id) == "en"
    account_service.set_language(database, mine.id, "")  # back to the browser's
    assert account_service.language_of(database, mine.id) == ""
    assert account_service.language_of(database, theirs.id) == "en"


@pytest.mark.parametrize("bad", ["deutsch", "d3", "<b>", "de-DE"])
def test_anything_but_a_language_code_is_refused(database: Database, bad: str) -> None:
    owner = account_service.owner_for(database, owners.LOCAL_USERNAME)
    with pytest.raises(ValueError):
        account_service.set_language(database, owner.id, bad)
    assert account_service.language_of(database, owner.id) == ""


def test_a_deleted_account_has_no_language(database: Database) -> None:
    owner = account_service.owner_for(database, owners.LOCAL_USERNAME)
    with database.write() as session:
        privacy.delete_owner(session, owner.id)
    with pytest.raises(LookupError):
        account_service.language_of(database, owner.id)
    with pytest.raises(LookupError):
        account_service.set_language(database, owner.id, "de")
