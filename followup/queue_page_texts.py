"""Every word the follow-up queue and composer show, in English and German."""

from __future__ import annotations

from storage.texts import Texts

TEXT = Texts(
    {
        "title": {"en": "Follow-ups", "de": "Nachfassen"},
        "empty": {
            "en": "Nothing to follow up. Triage tonight's contacts to queue the genuine ones.",
            "de": "Nichts nachzufassen. Sichten Sie die Kontakte des Abends, um die echten "
            "vorzumerken.",
        },
        "count": {
            "en": "{count} to follow up, earliest first.",
            "de": "{count} offen, die dringendsten zuerst.",
        },
        "due": {"en": "due {date}", "de": "fällig {date}"},
        "overdue": {"en": "overdue since {date}", "de": "überfällig seit {date}"},
        "ready": {"en": "ready to send", "de": "bereit zum Versand"},
        "open": {"en": "Open", "de": "Öffnen"},
        "calendar": {
            "en": "Add due dates to my calendar (.ics)",
            "de": "Termine in den Kalender (.ics)",
        },
        "check_ins": {"en": "Next check-ins ({count})", "de": "Nächstes Melden ({count})"},
        "check_ins_hint": {
            "en": "Also in the calendar file. Open the contact then to write again.",
            "de": "Auch in der Kalenderdatei. Melden Sie sich dann wieder bei der Person.",
        },
        "back": {"en": "← All follow-ups", "de": "← Alle Nachfass-Aufgaben"},
        "gone": {
            "en": "This follow-up no longer exists (done or discarded).",
            "de": "Diese Aufgabe gibt es nicht mehr (erledigt oder verworfen).",
        },
        "met_at": {"en": "Met at {event}", "de": "Kennengelernt bei {event}"},
        "your_note": {"en": "Your note", "de": "Ihre Notiz"},
        "they_need": {"en": "They need", "de": "Braucht"},
        "i_offer": {"en": "I can offer", "de": "Ich biete"},
        "my_name": {"en": "Your name, for the sign-off", "de": "Ihr Name für den Gruß am Ende"},
        "my_name_hint": {
            "en": "Asked once; drafts end with it.",
            "de": "Wird einmal gefragt; Entwürfe enden damit.",
        },
        "save_name": {"en": "Use this name", "de": "Namen verwenden"},
        "language": {"en": "Write in", "de": "Sprache"},
        "form": {"en": "Form of address", "de": "Anrede"},
        "rewrite_hint": {
            "en": "Changing the language or form of address writes the draft anew from your note.",
            "de": "Eine andere Sprache oder Anrede schreibt den Entwurf neu aus Ihrer Notiz.",
        },
        "channel": {"en": "How", "de": "Wie"},
        "card": {"en": "Card", "de": "Karte"},
        "email": {"en": "E-mail", "de": "E-Mail"},
        "call": {"en": "Call", "de": "Anruf"},
        "subject": {"en": "Subject", "de": "Betreff"},
        "body": {"en": "Text", "de": "Text"},
        "save_check": {"en": "Save and check", "de": "Speichern und prüfen"},
        "rewrite": {"en": "Start again from my note", "de": "Neu aus meiner Notiz schreiben"},
        "saved": {"en": "Saved.", "de": "Gespeichert."},
        "save_failed": {
            "en": "Saving failed just now; try again.",
            "de": "Das Speichern ist gerade fehlgeschlagen; bitte noch einmal.",
        },
        "checks": {"en": "Checks", "de": "Prüfung"},
        "no_findings": {
            "en": "Nothing to flag: it reads as written to this person.",
            "de": "Nichts zu beanstanden: Der Text gilt erkennbar dieser Person.",
        },
        "keep": {"en": "Keep it anyway", "de": "Trotzdem so lassen"},
        "mark_ready": {"en": "Ready to send", "de": "Bereit zum Versand"},
        "not_ready": {
            "en": "Fix the text or tick “Keep it anyway” for each finding first.",
            "de": "Ändern Sie erst den Text oder haken Sie bei jedem Hinweis „Trotzdem so "
            "lassen“ an.",
        },
        "is_ready": {"en": "Checked and ready to send.", "de": "Geprüft und bereit zum Versand."},
        "send_after_check": {
            "en": "Card and e-mail appear here once the text is ready to send.",
            "de": "Karte und E-Mail erscheinen hier, sobald der Text bereit zum Versand ist.",
        },
        "preview": {"en": "How the card will look", "de": "So sieht die Karte aus"},
        "envelope": {
            "en": "Add a page with the address for the envelope",
            "de": "Eine Seite mit der Adresse für den Umschlag anfügen",
        },
        "no_address": {
            "en": "No postal address on the card: write the envelope by hand.",
            "de": "Keine Postadresse auf der Karte: Adressieren Sie den Umschlag von Hand.",
        },
        "download_pdf": {
            "en": "Download the card (PDF, A6)",
            "de": "Karte herunterladen (PDF, A6)",
        },
        "print_hint": {
            "en": "Print at 100 % on A6 card (or A4, then cut); sign it by hand.",
            "de": "Mit 100 % auf A6-Karton drucken (oder A4, dann schneiden); von Hand "
            "unterschreiben.",
        },
        "to": {"en": "To", "de": "An"},
        "open_mail": {"en": "Open in my mail app", "de": "Im Mailprogramm öffnen"},
        "no_email": {
            "en": "No e-mail address on the card: copy the text below.",
            "de": "Keine E-Mail-Adresse auf der Karte: Kopieren Sie den Text unten.",
        },
        "copy_hint": {
            "en": "Copy (button at the top right):",
            "de": "Kopieren (Knopf oben rechts):",
        },
        "call_number": {"en": "Call {phone}", "de": "{phone} anrufen"},
        "no_phone": {
            "en": "No phone number on the card.",
            "de": "Keine Telefonnummer auf der Karte.",
        },
        "talking_points": {"en": "Talking points", "de": "Gesprächspunkte"},
        "done_title": {"en": "Done", "de": "Erledigt"},
        "check_in": {"en": "Next check-in", "de": "Nächstes Melden"},
        "check_in_hint": {
            "en": "An ordinary weekday months from now, not a holiday: occasions are made, "
            "not waited for.",
            "de": "Ein gewöhnlicher Werktag in einigen Monaten, kein Feiertag: Anlässe schafft "
            "man, statt auf sie zu warten.",
        },
        "no_check_in": {"en": "No further check-in", "de": "Kein weiteres Melden"},
        "mark_done": {"en": "Mark as done", "de": "Als erledigt markieren"},
        "done": {
            "en": "Done: {name}. Next check-in on {date}.",
            "de": "Erledigt: {name}. Nächstes Melden am {date}.",
        },
        "done_no_check_in": {"en": "Done: {name}.", "de": "Erledigt: {name}."},
    }
)

LANGUAGE_LABELS = {"en": "English", "de": "Deutsch"}
FORM_LABELS = {"sie": "Sie", "du": "du"}
