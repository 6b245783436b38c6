"""Every word the capture page shows, in English and German."""

from __future__ import annotations

from storage.texts import Texts

TEXT = Texts(
    {
        "title": {"en": "Capture", "de": "Erfassen"},
        "for_event": {"en": "At **{event}**", "de": "Bei **{event}**"},
        "change_event": {"en": "Change event", "de": "Veranstaltung wechseln"},
        "photo": {"en": "Photograph the card", "de": "Karte fotografieren"},
        "photo_help": {
            "en": "On a phone this opens the camera at full resolution.",
            "de": "Auf dem Telefon öffnet das die Kamera in voller Auflösung.",
        },
        "camera": {"en": "Use the in-page camera", "de": "Kamera in der Seite nutzen"},
        "camera_label": {"en": "Card", "de": "Karte"},
        "no_card": {"en": "No card? Type the name", "de": "Keine Karte? Namen eintippen"},
        "reading": {"en": "Reading the card…", "de": "Die Karte wird gelesen …"},
        "read_failed": {
            "en": "The card could not be read automatically. The photo is saved; please type "
            "the details.",
            "de": "Die Karte konnte nicht automatisch gelesen werden. Das Foto ist gespeichert; "
            "bitte tippen Sie die Angaben ein.",
        },
        "bad_photo": {
            "en": "This file could not be used: {reason} It is kept in your inbox; you can type "
            "the details there.",
            "de": "Diese Datei ließ sich nicht verwenden: {reason} Sie bleibt im Eingang; dort "
            "können Sie die Angaben eintippen.",
        },
        "store_failed": {
            "en": "The photo could not be saved just now. It is kept on this page: tap "
            "“Try again”.",
            "de": "Das Foto konnte gerade nicht gespeichert werden. Es bleibt auf dieser Seite: "
            "tippen Sie auf „Erneut versuchen“.",
        },
        "store_full": {
            "en": "The storage is full, so the photo could not be saved. Everything saved before "
            "is safe, and the photo is kept on this page: free some space, then tap “Try again”.",
            "de": "Der Speicher ist voll, daher konnte das Foto nicht gespeichert werden. Alles "
            "bisher Gespeicherte ist sicher, und das Foto bleibt auf dieser Seite: schaffen Sie "
            "Platz und tippen Sie dann auf „Erneut versuchen“.",
        },
        "save_full": {
            "en": "The storage is full, so the contact could not be saved. Everything saved "
            "before is safe and nothing you typed is lost: free some space, then tap "
            "“Save contact” again.",
            "de": "Der Speicher ist voll, daher konnte der Kontakt nicht gespeichert werden. "
            "Alles bisher Gespeicherte ist sicher, und nichts Eingetippte ist verloren: schaffen "
            "Sie Platz und tippen Sie dann noch einmal auf „Kontakt speichern“.",
        },
        "retry": {"en": "Try again", "de": "Erneut versuchen"},
        "save_failed": {
            "en": "Saving failed just now; nothing you typed is lost. Tap “Save contact” again.",
            "de": "Das Speichern ist gerade fehlgeschlagen; nichts Eingetippte ist verloren. "
            "Tippen Sie noch einmal auf „Kontakt speichern“.",
        },
        "card_caption": {"en": "The card as read", "de": "Die gelesene Karte"},
        "doubtful": {"en": "check", "de": "prüfen"},
        "doubtful_hint": {
            "en": "Fields marked ⚠ were hard to read or may be missing: compare them with the "
            "card.",
            "de": "Mit ⚠ markierte Felder waren schwer lesbar oder fehlen vielleicht: vergleichen "
            "Sie sie mit der Karte.",
        },
        "name": {"en": "Name", "de": "Name"},
        "title_field": {"en": "Title", "de": "Position"},
        "company": {"en": "Company", "de": "Firma"},
        "emails": {"en": "E-mail (one per line)", "de": "E-Mail (eine pro Zeile)"},
        "phones": {"en": "Phone (one per line)", "de": "Telefon (eine pro Zeile)"},
        "websites": {"en": "Website (one per line)", "de": "Website (eine pro Zeile)"},
        "address": {"en": "Address", "de": "Adresse"},
        "clicked": {"en": "Did it click?", "de": "Hat es Klick gemacht?"},
        "yes": {"en": "Yes", "de": "Ja"},
        "not_sure": {"en": "Not sure", "de": "Weiß nicht"},
        "no": {"en": "No", "de": "Nein"},
        "note": {"en": "Personal note", "de": "Persönliche Notiz"},
        "note_hint": {
            "en": "The one thing you will remember about this person",
            "de": "Das eine, woran Sie sich bei dieser Person erinnern werden",
        },
        "they_need": {"en": "What they need", "de": "Was die Person braucht"},
        "i_offer": {"en": "What I can offer", "de": "Was ich anbieten kann"},
        "pitch": {"en": "Only pitched", "de": "Nur Verkaufsgespräch"},
        "save": {"en": "Save contact", "de": "Kontakt speichern"},
        "saved": {"en": "Saved {name}. Next card!", "de": "{name} gespeichert. Nächste Karte!"},
        "met_again": {
            "en": "Added this meeting to {name}.",
            "de": "Dieses Treffen wurde bei {name} ergänzt.",
        },
        "needs_name": {"en": "Type the person's name.", "de": "Tippen Sie den Namen ein."},
        "duplicate": {
            "en": "This card belongs to a contact you already have: **{name}**.",
            "de": "Diese Karte gehört zu einem vorhandenen Kontakt: **{name}**.",
        },
        "add_meeting": {
            "en": "Add this meeting to {name}",
            "de": "Dieses Treffen bei {name} ergänzen",
        },
        "no_thanks": {
            "en": "On your no-thanks list: discarded as a pitch on {date}{event}.",
            "de": "Auf Ihrer Nein-danke-Liste: als Verkaufsgespräch verworfen am {date}{event}.",
        },
        "no_thanks_event": {"en": " at {event}", "de": " bei {event}"},
        "inbox": {"en": "Inbox ({count})", "de": "Eingang ({count})"},
        "inbox_hint": {
            "en": "Captures waiting for your two answers. They stay until you answer them.",
            "de": "Erfasste Karten, die auf Ihre zwei Antworten warten. Sie bleiben, bis Sie "
            "antworten.",
        },
        "complete": {"en": "Answer", "de": "Beantworten"},
        "unnamed": {"en": "Card from {time}", "de": "Karte von {time}"},
        "cancel": {"en": "Later", "de": "Später"},
        "error_not_an_image": {
            "en": "this is not a photo (JPEG, PNG, WebP or HEIC).",
            "de": "das ist kein Foto (JPEG, PNG, WebP oder HEIC).",
        },
        "error_truncated": {
            "en": "the photo is incomplete (the upload was cut off).",
            "de": "das Foto ist unvollständig (der Upload brach ab).",
        },
        "error_too_large": {
            "en": "the file is larger than 30 MB.",
            "de": "die Datei ist größer als 30 MB.",
        },
        "error_too_many_pixels": {
            "en": "the photo has more than 40 megapixels.",
            "de": "das Foto hat mehr als 40 Megapixel.",
        },
        "error_bomb": {
            "en": "the file claims an impossibly large picture.",
            "de": "die Datei gibt ein unmöglich großes Bild an.",
        },
        "error_no_text": {
            "en": "no text was found; photograph the printed side.",
            "de": "es wurde kein Text gefunden; fotografieren Sie die bedruckte Seite.",
        },
        "pick_first": {
            "en": "Choose tonight's event first.",
            "de": "Wählen Sie zuerst die Veranstaltung von heute.",
        },
    }
)
