"""Marking a composed text ready: refused while a check finding is neither fixed nor kept."""

from __future__ import annotations

from sqlalchemy.orm import Session

from followup.checks import open_findings
from followup.compose_service import open_composer
from followup.model import Finding
from storage import followups
from storage.db import Database


class NotReadyError(ValueError):
    """A text with open findings cannot be marked ready; `findings` are the open ones."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"{len(findings)} open finding(s)")
        self.findings = findings


def mark_ready(
    database: Database,
    owner_id: int,
    follow_up_id: int,
    *,
    overridden: set[str],
    my_name: str,
) -> None:
    """Mark the stored text ready; refused while a finding is neither fixed nor overridden."""
    composer = open_composer(database, owner_id, follow_up_id, my_name=my_name)
    still_open = open_findings(composer.findings, overridden)
    # Only keys of current findings are kept: an override is for this text, not for ever.
    current = {finding.key for finding in composer.findings}

    def work(session: Session) -> None:
        followups.set_review(
            session,
            owner_id,
            follow_up_id,
            overridden=sorted(current & overridden),
            ready=not still_open,
        )

    database.write_with_retry(work)
    if still_open:
        raise NotReadyError(still_open)


def withdraw_ready(database: Database, owner_id: int, follow_up_id: int, *, kept: set[str]) -> None:
    """A finding no longer kept: the text is not ready any more until it is checked again."""

    def work(session: Session) -> None:
        followups.set_review(session, owner_id, follow_up_id, overridden=sorted(kept), ready=False)

    database.write_with_retry(work)
