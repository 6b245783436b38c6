"""Every word the contacts page shows, in English and German."""

from __future__ import annotations

from storage.texts import Texts

TEXT = Texts(
    {
        "title": {"en": "Contacts", "de": "Kontakte"},
        "search": {"en": "Search", "de": "Suchen"},
        "search_help": {
            "en": "Searches names, companies and your notes.",
            "de": "Durchsucht Namen, Firmen und Ihre Notizen.",
        },
        "search_hint": {"en": "Name, company or note", "de": "Name, Firma oder Notiz"},
        "found": {"en": "{count} contact(s)", "de": "{count} Kontakt(e)"},
        "none": {"en": "No contacts found.", "de": "Keine Kontakte gefunden."},
        "open": {"en": "Open", "de": "Öffnen"},
        "back": {"en": "Back to the list", "de": "Zurück zur Liste"},
        "page": {"en": "Page {page} of {pages}", "de": "Seite {page} von {pages}"},
        "previous": {"en": "Previous", "de": "Zurück"},
        "next": {"en": "Next", "de": "Weiter"},
        "export": {"en": "Export all", "de": "Alle exportieren"},
        "export_vcard": {"en": "All as vCard", "de": "Alle als vCard"},
        "export_csv": {"en": "All as CSV", "de": "Alle als CSV"},
        "export_one": {"en": "vCard", "de": "vCard"},
        "import": {"en": "Import a vCard file", "de": "vCard-Datei importieren"},
        "import_file": {"en": "vCard file (.vcf)", "de": "vCard-Datei (.vcf)"},
        "import_preview": {
            "en": "{new} new, {duplicates} already known (skipped).",
            "de": "{new} neu, {duplicates} schon bekannt (übersprungen).",
        },
        "duplicate_of": {
            "en": "{name}: already known as {known}",
            "de": "{name}: schon bekannt als {known}",
        },
        "duplicate_in_file": {
            "en": "{name}: twice in this file",
            "de": "{name}: doppelt in dieser Datei",
        },
        "import_run": {"en": "Import {count} contact(s)", "de": "{count} Kontakt(e) importieren"},
        "imported": {"en": "Imported {count} contact(s).", "de": "{count} Kontakt(e) importiert."},
        "imported_note": {
            "en": "Imported from a vCard file on {date}.",
            "de": "Am {date} aus einer vCard-Datei importiert.",
        },
        "import_failed": {
            "en": "This file could not be read as vCards.",
            "de": "Diese Datei ließ sich nicht als vCard lesen.",
        },
        "too_large": {
            "en": "This file is too large for an import (5 MB at most).",
            "de": "Diese Datei ist für einen Import zu groß (höchstens 5 MB).",
        },
        "gone": {
            "en": "This contact is no longer there.",
            "de": "Diesen Kontakt gibt es nicht mehr.",
        },
        "rating": {"en": "Did it click? **{rating}**", "de": "Hat es gepasst? **{rating}**"},
        "yes": {"en": "Yes", "de": "Ja"},
        "not_sure": {"en": "Not sure", "de": "Unsicher"},
        "no": {"en": "No", "de": "Nein"},
        "pitch": {"en": "They only pitched", "de": "Nur Verkaufsgespräch"},
        "note": {"en": "Personal note", "de": "Persönliche Notiz"},
        "need": {"en": "They need", "de": "Braucht"},
        "offer": {"en": "I can offer", "de": "Ich biete"},
        "met": {"en": "Where you met", "de": "Wo Sie sich getroffen haben"},
        "met_without_event": {"en": "without an event", "de": "ohne Veranstaltung"},
        "history": {"en": "Follow-ups", "de": "Nachfassen"},
        "no_history": {"en": "No follow-ups yet.", "de": "Noch kein Nachfassen."},
        "follow_up_queued": {
            "en": "{channel}, due {due}",
            "de": "{channel}, fällig am {due}",
        },
        "follow_up_done": {"en": "{channel}, done {done}", "de": "{channel}, erledigt am {done}"},
        "edit": {"en": "Edit", "de": "Bearbeiten"},
        "saved": {"en": "Saved {name}.", "de": "{name} gespeichert."},
        "save_failed": {
            "en": "That could not be saved just now; nothing is lost. Try again.",
            "de": "Das ließ sich gerade nicht speichern; nichts ist verloren. Bitte noch einmal.",
        },
        "delete": {"en": "Delete", "de": "Löschen"},
        "delete_help": {
            "en": "Deletes the contact, its card and its follow-ups for good.",
            "de": "Löscht den Kontakt mit Karte und Nachfassen endgültig.",
        },
        "delete_confirm": {
            "en": "Delete {name} for good? This cannot be undone.",
            "de": "{name} endgültig löschen? Das lässt sich nicht rückgängig machen.",
        },
        "delete_yes": {"en": "Yes, delete", "de": "Ja, löschen"},
        "cancel": {"en": "Cancel", "de": "Abbrechen"},
        "deleted": {"en": "{name} deleted, for good.", "de": "{name} endgültig gelöscht."},
    }
)
