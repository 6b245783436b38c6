"""The contacts page's pieces: the searchable list, export and import; detail beside it."""

# The page script reaches everything through this module: its state (contacts_page_state.py)
# and one contact's detail (contacts_page_detail.py) are re-exported here.

from __future__ import annotations

import functools
from datetime import UTC, datetime

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from capture.event_choice import event_label
from capture.page_context import AppContext
from capture.translation import inert
from followup import contact_service as service
from followup.contacts_page_detail import contact_detail
from followup.contacts_page_state import (
    FLASH,
    IMPORT_ROUND,
    OPEN,
    PAGE,
    go_to_page,
    init_state,
    open_contact,
    show_flash,
)
from followup.vcard import VCardError
from storage import contacts

__all__ = [
    "OPEN",
    "contact_detail",
    "contact_list",
    "export_all",
    "import_vcards",
    "init_state",
    "show_flash",
]


def contact_list(ctx: AppContext) -> None:
    _ = ctx.translate
    query = st.text_input(
        _("Search"),
        key="contacts.query",
        placeholder=_("Name, company or note"),
        help=_("Searches names, companies and your notes."),
        max_chars=200,
    )
    if st.session_state.get("contacts.last_query") != query:
        st.session_state["contacts.last_query"] = query
        st.session_state[PAGE] = 0
    found = service.search(ctx.database, ctx.owner_id, query, st.session_state[PAGE])
    st.session_state[PAGE] = found.page
    if not found.items:
        st.info(_("No contacts found."))
        return
    st.caption(_.plural("{count} contact", "{count} contacts", found.total))
    for contact in found.items:
        with st.container(border=True, horizontal=True, vertical_alignment="center"):
            with st.container():
                st.markdown(f"**{inert(contact.display_name)}**")
                line = " · ".join(
                    inert(v) for v in (contact.details.company, contact.note[:80]) if v
                )
                if line:
                    st.caption(line)
            st.button(
                _("Open"),
                key=f"contacts.open.{contact.id}",
                on_click=open_contact,
                args=(contact.id,),
            )
    if found.pages > 1:
        with st.container(horizontal=True, vertical_alignment="center"):
            st.button(
                _("Previous"),
                key="contacts.previous",
                disabled=found.page == 0,
                on_click=go_to_page,
                args=(found.page - 1,),
            )
            st.caption(_("Page {page} of {pages}", page=found.page + 1, pages=found.pages))
            st.button(
                _("Next"),
                key="contacts.next",
                disabled=found.page >= found.pages - 1,
                on_click=go_to_page,
                args=(found.page + 1,),
            )


def export_all(ctx: AppContext) -> None:
    _, db, owner = ctx.translate, ctx.database, ctx.owner_id
    with st.expander(_("Export all")), st.container(horizontal=True):
        # Built only when clicked: 10,000 contacts are not serialised on every rerun.
        st.download_button(
            _("All as vCard"),
            functools.partial(service.all_vcards, db, owner, ctx.settings.region),
            file_name="klick-contacts.vcf",
            mime="text/vcard",
            key="contacts.export_vcard",
            on_click="ignore",
        )
        st.download_button(
            _("All as CSV"),
            functools.partial(
                service.all_csv, db, owner, event_label=functools.partial(event_label, _)
            ),
            file_name="klick-contacts.csv",
            mime="text/csv",
            key="contacts.export_csv",
            on_click="ignore",
        )


def import_vcards(ctx: AppContext) -> None:
    _ = ctx.translate
    with st.expander(_("Import a vCard file")):
        upload = st.file_uploader(
            _("vCard file (.vcf)"),
            type=["vcf", "vcard"],
            key=f"contacts.import.{st.session_state[IMPORT_ROUND]}",
        )
        if upload is None:
            return
        try:
            candidates = service.preview_import(ctx.database, ctx.owner_id, upload.getvalue())
        except VCardError:
            st.error(_("This file could not be read as vCards."))
            return
        except ValueError:
            st.error(_("This file is too large for an import (5 MB at most)."))
            return
        new = [c for c in candidates if not c.is_duplicate]
        st.caption(
            _(
                "{new} new, {duplicates} already known (skipped).",
                new=len(new),
                duplicates=len(candidates) - len(new),
            )
        )
        for candidate in candidates:
            name = candidate.contact.details.name or candidate.contact.details.company
            if candidate.duplicate_of:
                st.text(
                    _("{name}: already known as {known}", name=name, known=candidate.duplicate_of)
                )
            elif candidate.duplicate_of == "":
                st.text(_("{name}: twice in this file", name=name))
        if new and st.button(
            _.plural("Import {count} contact", "Import {count} contacts", len(new)),
            key="contacts.import_run",
            type="primary",
        ):
            try:
                added = service.import_contacts(
                    ctx.database,
                    ctx.owner_id,
                    candidates,
                    # The user's today, not the server's: the note is dated on their clock.
                    imported_note=_(
                        "Imported from a vCard file on {date}.", date=_.day(datetime.now(UTC))
                    ),
                    language=ctx.language,
                )
            except (SQLAlchemyError, contacts.ContactError):
                st.error(_("That could not be saved just now; nothing is lost. Try again."))
                return
            st.session_state[FLASH] = (
                "success",
                _.plural("Imported {count} contact.", "Imported {count} contacts.", added),
            )
            st.session_state[IMPORT_ROUND] += 1
            st.rerun()
