"""Every word the triage page shows, in English and German."""

from __future__ import annotations

from storage.texts import Texts

TEXT = Texts(
    {
        "title": {"en": "Triage", "de": "Sichten"},
        "event": {"en": "Event", "de": "Veranstaltung"},
        "no_events": {
            "en": "No events yet. Create tonight's event and capture a few cards first.",
            "de": "Noch keine Veranstaltungen. Legen Sie die heutige an und erfassen Sie Karten.",
        },
        "nothing": {
            "en": "No captures for this event.",
            "de": "Keine Erfassungen für diese Veranstaltung.",
        },
        "captured": {"en": "Captured", "de": "Erfasst"},
        "clicked": {"en": "Clicked", "de": "Gepasst"},
        "follow_ups": {"en": "Follow-ups", "de": "Nachfassen"},
        "kept": {"en": "Kept", "de": "Behalten"},
        "discarded": {"en": "Discarded", "de": "Verworfen"},
        "pitches": {"en": "Pitches", "de": "Verkaufsgespräche"},
        "unanswered": {
            "en": "{count} capture(s) still wait for their two answers. Answer them first: "
            "nothing else can be decided until then.",
            "de": "{count} Erfassung(en) warten noch auf ihre zwei Antworten. Beantworten Sie "
            "diese zuerst: vorher lässt sich nichts anderes entscheiden.",
        },
        "answered": {"en": "Saved {name}.", "de": "{name} gespeichert."},
        "save_failed": {
            "en": "That could not be saved just now; nothing is lost. Try again.",
            "de": "Das ließ sich gerade nicht speichern; nichts ist verloren. Bitte noch einmal.",
        },
        "card_caption": {"en": "The card", "de": "Die Karte"},
        "no_image": {
            "en": "This photo cannot be shown here.",
            "de": "Dieses Foto lässt sich hier nicht zeigen.",
        },
        "show_card": {"en": "Show the card", "de": "Karte zeigen"},
        "rating": {"en": "Did it click? **{rating}**", "de": "Hat es gepasst? **{rating}**"},
        "yes": {"en": "Yes", "de": "Ja"},
        "not_sure": {"en": "Not sure", "de": "Unsicher"},
        "no": {"en": "No", "de": "Nein"},
        "pitch": {"en": "They only pitched", "de": "Nur Verkaufsgespräch"},
        "need": {"en": "They need", "de": "Braucht"},
        "offer": {"en": "I can offer", "de": "Ich biete"},
        "follow_up": {"en": "Follow up", "de": "Nachfassen"},
        "keep": {"en": "Keep", "de": "Behalten"},
        "discard": {"en": "Discard", "de": "Verwerfen"},
        "help_follow_up": {
            "en": "Queue a follow-up due within {hours} hours.",
            "de": "Ein Nachfassen einplanen, fällig in {hours} Stunden.",
        },
        "help_keep": {
            "en": "Keep as a contact; nothing to do now.",
            "de": "Als Kontakt behalten; jetzt nichts zu tun.",
        },
        "help_discard": {
            "en": "Delete this contact, its card, note and follow-ups for good.",
            "de": "Diesen Kontakt mit Karte, Notiz und Nachfassen endgültig löschen.",
        },
        "shortcut": {"en": " Key: {letter}.", "de": " Taste: {letter}."},
        "suggested": {"en": "Suggested: {decision}", "de": "Vorschlag: {decision}"},
        "no_follow_up_pitch": {
            "en": "No follow-up for a pitch.",
            "de": "Kein Nachfassen nach einem Verkaufsgespräch.",
        },
        "no_follow_up_unsure": {
            "en": "A follow-up needs a Yes. Did it click after all?",
            "de": "Nachfassen braucht ein Ja. Hat es doch gepasst?",
        },
        "rerate_yes": {"en": "It clicked", "de": "Es hat gepasst"},
        "rerate_no": {"en": "It did not", "de": "Hat nicht gepasst"},
        "rerate_help": {
            "en": "Rate again; the note stays as it is.",
            "de": "Neu bewerten; die Notiz bleibt, wie sie ist.",
        },
        "status_follow_up": {"en": "Follow-up queued", "de": "Nachfassen eingeplant"},
        "status_kept": {"en": "Kept", "de": "Behalten"},
        "bulk": {
            "en": "Discard every No and every pitch ({count})",
            "de": "Jedes Nein und jedes Verkaufsgespräch verwerfen ({count})",
        },
        "bulk_help": {
            "en": "Asks before it deletes anything.",
            "de": "Fragt nach, bevor etwas gelöscht wird.",
        },
        "bulk_confirm": {
            "en": "Discard {count} contact(s) for good? Their cards, notes and follow-ups "
            "are deleted; pitches go on the no-thanks list.",
            "de": "{count} Kontakt(e) endgültig verwerfen? Karten, Notizen und Nachfassen "
            "werden gelöscht; Verkaufsgespräche kommen auf die Nein-danke-Liste.",
        },
        "bulk_yes": {"en": "Yes, discard {count}", "de": "Ja, {count} verwerfen"},
        "cancel": {"en": "Cancel", "de": "Abbrechen"},
        "undo": {"en": "Undo: {what}", "de": "Rückgängig: {what}"},
        "undo_hint": {
            "en": "Undo is possible until you leave triage. Until then a discarded contact "
            "is held only in this browser session, never stored.",
            "de": "Rückgängig machen geht, bis Sie das Sichten verlassen. Bis dahin liegt ein "
            "verworfener Kontakt nur in dieser Browsersitzung, nirgends gespeichert.",
        },
        "undone": {"en": "Undone: {what}.", "de": "Rückgängig gemacht: {what}."},
        "what_follow_up": {"en": "follow up {names}", "de": "{names} nachfassen"},
        "what_keep": {"en": "keep {names}", "de": "{names} behalten"},
        "what_discard": {"en": "discard {names}", "de": "{names} verwerfen"},
        "what_rerate": {"en": "re-rate {names}", "de": "{names} neu bewerten"},
        "done_follow_up": {
            "en": "Follow-up for {name} queued, due {due}.",
            "de": "Nachfassen bei {name} eingeplant, fällig am {due}.",
        },
        "done_keep": {"en": "{name} kept.", "de": "{name} behalten."},
        "done_discard": {
            "en": "{count} discarded, for good.",
            "de": "{count} endgültig verworfen.",
        },
        "done_rerate": {"en": "{name} rated again.", "de": "{name} neu bewertet."},
        "error_gone": {
            "en": "This contact is no longer there.",
            "de": "Diesen Kontakt gibt es nicht mehr.",
        },
        "error_not_offered": {
            "en": "That decision is not offered for this contact.",
            "de": "Diese Entscheidung gibt es für diesen Kontakt nicht.",
        },
        "all_done": {
            "en": "Every contact of this event is decided.",
            "de": "Alle Kontakte dieser Veranstaltung sind entschieden.",
        },
        "show_decided": {"en": "Show decided contacts", "de": "Entschiedene Kontakte zeigen"},
        "page": {"en": "Page {page} of {pages}", "de": "Seite {page} von {pages}"},
        "previous": {"en": "Previous", "de": "Zurück"},
        "next": {"en": "Next", "de": "Weiter"},
        "keyboard": {
            "en": "Keyboard: Tab moves between buttons. For the first contact: F follow up, "
            "K keep, D discard; U undoes.",
            "de": "Tastatur: Tab wechselt zwischen den Knöpfen. Für den ersten Kontakt: "
            "F nachfassen, K behalten, D verwerfen; U macht rückgängig.",
        },
    }
)
