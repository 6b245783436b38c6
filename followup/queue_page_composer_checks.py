"""The composer's check findings, each with a deliberate override, and marking it ready."""

from __future__ import annotations

import streamlit as st

from capture.page_context import AppContext
from capture.translation import N_, Translator, inert
from followup import compose_ready_service as ready_service
from followup.compose_service import Composer
from followup.model import Finding, FindingKind
from followup.queue_page_state import FORM_NAMES, short_hash

# What each kind of finding says; every sentence names the phrase that triggered it.
FINDING_MESSAGES = {
    FindingKind.STOCK_PHRASE: N_(
        "“{phrase}” is a stock phrase: it could be sent to anyone. Say something "
        "only this person will recognise instead."
    ),
    FindingKind.SALES_PITCH: N_(
        "“{phrase}” reads like a sales pitch. A follow-up gives first; business can come later."
    ),
    FindingKind.NO_PERSONAL_DETAIL: N_(
        "Nothing from your note (“{phrase}”) is in the text: mention what you "
        "talked about so they know it was written to them."
    ),
    FindingKind.WRONG_ADDRESS: N_(
        "“{phrase}” does not fit the form of address chosen for this contact ({form})."
    ),
    FindingKind.NEAR_COPY: N_(
        "This is nearly the same text you wrote to {contact} ({score} % alike, "
        "e.g. “{phrase}”). Write this one for this person."
    ),
}


def finding_text(_: Translator, finding: Finding) -> str:
    """The finding said in the user's language, with its values made inert."""
    return _(
        FINDING_MESSAGES[finding.kind],
        phrase=inert(finding.phrase),
        form=FORM_NAMES[finding.form] if finding.form is not None else "",
        contact=inert(finding.contact or ""),
        score=finding.score,
    )


def checks(ctx: AppContext, composer: Composer) -> bool:
    """Each finding with its phrase and a deliberate override; True once the text is ready."""
    _, fid = ctx.translate, composer.follow_up.id
    title = _("Checks")
    st.markdown(f"**{title}**")
    if not composer.findings:
        st.success(_("Nothing to flag: it reads as written to this person."))
    kept: set[str] = set()
    for finding in composer.findings:
        st.warning(finding_text(_, finding))
        if st.checkbox(
            _("Keep it anyway"),
            value=finding.key in composer.review.overridden,
            key=f"queue.keep.{fid}.{short_hash(finding.key)}",
        ):
            kept.add(finding.key)
    still_open = [f for f in composer.findings if f.key not in kept]
    if composer.review.ready and still_open:
        ready_service.withdraw_ready(ctx.database, ctx.owner_id, fid, kept=kept)
    ready = composer.review.ready and not still_open
    if ready:
        st.success(_("Checked and ready to send."))
        return True
    not_ready = _("Fix the text or tick “Keep it anyway” for each finding first.")
    if still_open:
        st.caption(not_ready)
    if st.button(
        _("Ready to send"),
        type="primary",
        disabled=bool(still_open),
        key=f"queue.ready.{fid}",
        width="stretch",
    ):
        try:
            ready_service.mark_ready(
                ctx.database, ctx.owner_id, fid, overridden=kept, my_name=ctx.owner_name
            )
        except ready_service.NotReadyError:
            st.error(not_ready)
            return False
        st.rerun()
    return False
