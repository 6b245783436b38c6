"""Text-level repairs for vCards other programs write, and how Klick marks a fax number."""

from __future__ import annotations

import re

# A fax is known by its label: the user writes "Fax +49 911 …" (or "… (Fax)") in the phone field,
# and an imported TEL typed FAX is stored that way.
FAX_LABEL_RE = re.compile(r"^\s*(?:tele)?fax\b[\s.:]*|\s*\(\s*(?:tele)?fax\s*\)\s*$", re.I)
FAX_PREFIX = "Fax "
# Single-valued text properties: a comma in them is text even when the writer did not escape it.
TEXT_LINE_RE = re.compile(
    r"^((?:[\w-]+\.)?(?:FN|TITLE|NOTE|ORG|X-KLICK-[\w-]+)(?:;[^:]*)?:)(.*)$", re.I
)
UNESCAPED_COMMA_RE = re.compile(r"(?<!\\)((?:\\\\)*),")
TEL_URI_RE = re.compile(r"^tel:", re.I)


def fax_number(phone: str) -> str:
    """The number of a phone labelled as a fax ("Fax +49 911 1" → "+49 911 1"), else ""."""
    bare = FAX_LABEL_RE.sub("", phone).strip()
    return bare if bare != phone.strip() and bare else ""


def repair_text(text: str) -> str:
    """Unfold lines and escape the commas other programs leave bare in single-valued text."""
    unfolded = re.sub(r"\r?\n[ \t]", "", text.replace("\r\n", "\n"))
    lines = []
    for line in unfolded.split("\n"):
        match = TEXT_LINE_RE.match(line)
        if match:
            line = match.group(1) + UNESCAPED_COMMA_RE.sub(r"\1\\,", match.group(2))
        lines.append(line)
    return "\r\n".join(lines)


def tel_uri_number(value: str) -> str:
    """ "tel:+33-6-12-34-56-78" → "+33 6 12 34 56 78"; ";ext=12" becomes " ext. 12"."""
    number, *params = TEL_URI_RE.sub("", value.strip()).split(";")
    extension = [p.split("=", 1)[1] for p in params if p.lower().startswith("ext=")]
    spaced = " ".join(re.sub(r"[-.]", " ", number).split())
    return f"{spaced} ext. {extension[0]}" if extension else spaced
