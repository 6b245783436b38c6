"""The contacts page's pieces: the searchable list, export and import; detail beside it."""

# The page script reaches everything through this module: its state (contacts_page_state.py)
# and one contact's detail (contacts_page_detail.py) are re-exported here.

from __future__ import annotations

import functools

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

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
from followup.contacts_page_texts import TEXT
from followup.vcard import VCardError
from storage import contacts
from storage.context import AppContext
from storage.texts import inert

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
    lang = ctx.language
    query = st.text_input(
        TEXT(lang, "search"),
        key="contacts.query",
        placeholder=TEXT(lang, "search_hint"),
        help=TEXT(lang, "search_help"),
        max_chars=200,
    )
    if st.session_state.get("contacts.last_query") != query:
        st.session_state["contacts.last_query"] = query
        st.session_state[PAGE] = 0
    found = service.search(ctx.database, ctx.owner_id, query, st.session_state[PAGE])
    st.session_state[PAGE] = found.page
    if not found.items:
        st.info(TEXT(lang, "none"))
        return
    st.caption(TEXT(lang, "found", count=found.total))
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
                TEXT(lang, "open"),
                key=f"contacts.open.{contact.id}",
                on_click=open_contact,
                args=(contact.id,),
            )
    if found.pages > 1:
        with st.container(horizontal=True, vertical_alignment="center"):
            st.button(
                TEXT(lang, "previous"),
                key="contacts.previous",
                disabled=found.page == 0,
                on_click=go_to_page,
                args=(found.page - 1,),
            )
            st.caption(TEXT(lang, "page", page=found.page + 1, pages=found.pages))
            st.button(
                TEXT(lang, "next"),
                key="contacts.next",
                disabled=found.page >= found.pages - 1,
                on_click=go_to_page,
                args=(found.page + 1,),
            )


def export_all(ctx: AppContext) -> None:
    lang, db, owner = ctx.language, ctx.database, ctx.owner_id
    with st.expander(TEXT(lang, "export")), st.container(horizontal=True):
        # Built only when clicked: 10,000 contacts are not serialised on every rerun.
        st.download_button(
            TEXT(lang, "export_vcard"),
            functools.partial(service.all_vcards, db, owner, ctx.settings.region),
            file_name="klick-contacts.vcf",
            mime="text/vcard",
            key="contacts.export_vcard",
            on_click="ignore",
        )
        st.download_button(
            TEXT(lang, "export_csv"),
            functools.partial(service.all_csv, db, owner),
            file_name="klick-contacts.csv",
            mime="text/csv",
            key="contacts.export_csv",
            on_click="ignore",
        )


def import_vcards(ctx: AppContext) -> None:
    lang = ctx.language
    with st.expander(TEXT(lang, "import")):
        upload = st.file_uploader(
            TEXT(lang, "import_file"),
            type=["vcf", "vcard"],
            key=f"contacts.import.{st.session_state[IMPORT_ROUND]}",
        )
        if upload is None:
            return
        try:
            candidates = service.preview_import(ctx.database, ctx.owner_id, upload.getvalue())
        except VCardError:
            st.error(TEXT(lang, "import_failed"))
            return
        except ValueError:
            st.error(TEXT(lang, "too_large"))
            return
        new = [c for c in candidates if not c.is_duplicate]
        st.caption(
            TEXT(lang, "import_preview", new=len(new), duplicates=len(candidates) - len(new))
        )
        for candidate in candidates:
            name = candidate.contact.details.name or candidate.contact.details.company
            if candidate.duplicate_of:
                st.text(TEXT(lang, "duplicate_of", name=name, known=candidate.duplicate_of))
            elif candidate.duplicate_of == "":
                st.text(TEXT(lang, "duplicate_in_file", name=name))
        if new and st.button(
            TEXT(lang, "import_run", count=len(new)), key="contacts.import_run", type="primary"
        ):
            try:
                added = service.import_contacts(
                    ctx.database,
                    ctx.owner_id,
                    candidates,
                    imported_note=TEXT(lang, "imported_note", date="{date}"),
                    language=lang,
                )
            except (SQLAlchemyError, contacts.ContactError):
                st.error(TEXT(lang, "save_failed"))
                return
            st.session_state[FLASH] = ("success", TEXT(lang, "imported", count=added))
            st.session_state[IMPORT_ROUND] += 1
            st.rerun()
