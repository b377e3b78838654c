"""Wire-copy plain text: headline, byline, dateline, agency credit chain, body, trailing credit.

Recognised layouts (each with any mix of ordinary and non-breaking spaces)::

    WASHINGTON (AP) — ...                      AP
    LONDON, Feb 27 (Reuters) - ...             Reuters
    PARIS, Feb. 27, 2025 (AFP) - ...           AFP
    Berlin/Kyiv (dpa) - ...                    dpa
    London, Feb. 27, (PA Media/dpa/GNA) – ...  PA and syndication chains
    KYIV, Ukraine (AP) — ...                   place with region
    WASHINGTON — ...                           no agency (place in capitals, or place and date)

Anything else is read as plain text with no dateline (and a W001 warning), never an error.
Every offset indexes the original text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable

from ..errors import warning
from ..records import Credit, Dateline, Offsets, Paragraph, Story
from ..text import split_paragraphs, strip_span
from .base import InputOptions, RawInput, decoded_story_text, readers

#: Wire agencies recognised in trailing credit lines (credits inside a dateline's parentheses
#: are accepted when they merely look like agency names). Compared case-insensitively.
KNOWN_AGENCIES = frozenset(
    a.lower()
    for a in (
        "AP",
        "Associated Press",
        "Reuters",
        "AFP",
        "Agence France-Presse",
        "dpa",
        "PA",
        "PA Media",
        "Press Association",
        "GNA",
        "Ghana News Agency",
        "UPI",
        "Xinhua",
        "TASS",
        "RIA Novosti",
        "Interfax",
        "ANSA",
        "EFE",
        "Kyodo",
        "Jiji",
        "Yonhap",
        "AAP",
        "CP",
        "Canadian Press",
        "IANS",
        "PTI",
        "ANI",
        "UNI",
        "Bloomberg",
        "KUNA",
        "WAM",
        "SPA",
        "IRNA",
        "Anadolu",
        "AA",
        "NAN",
        "APA",
        "KNA",
        "BTA",
        "CTK",
        "MTI",
        "PAP",
        "Lusa",
        "Belga",
        "ANP",
        "NTB",
        "TT",
        "Ritzau",
        "STT",
        "MENA",
        "QNA",
        "BNA",
        "Petra",
        "SANA",
        "Ukrinform",
        "Bernama",
        "Antara",
        "PNA",
        "VNA",
        "CNA",
        "Sputnik",
        "CNN",
        "BBC",
        "IPS",
        "AllAfrica",
        "NNA",
        "APS",
        "KCNA",
        "WAFA",
        "Notimex",
        "Tanjug",
        "Hina",
        "ATS",
        "SDA",
        "Agerpres",
        "Ukrinform",
        "Trend",
        "Xinhua News Agency",
        "RTT",
        "dpa-AFX",
        "AP Photo",
    )
)

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DATE_PATTERNS = (
    re.compile(rf"^(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?$", re.I),
    re.compile(rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})(?:,?\s+(?P<year>\d{{4}}))?$", re.I),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$"),
    re.compile(rf"^{_WEEKDAY}$", re.I),
)

_DASH = r"(?:[-–—‒―]{1,2}|:)"
# Place, optional region and date, then an agency credit in parentheses, then a dash.
_WITH_CREDIT = re.compile(rf"^(?P<head>[^\n()]{{1,90}}?)[\s,]*\((?P<credit>[^()\n]{{1,90}})\)\s*(?P<dash>{_DASH})?\s*")
# No credit: a place in capitals ("WASHINGTON —") or a place with a date, then a dash.
_NO_CREDIT = re.compile(r"^(?P<head>[^\n()]{1,70}?)\s+(?P<dash>[-–—‒―]{1,2})\s+")
_CREDIT_SPLIT = re.compile(r"\s*(?:/|,|;|\band\b|\+)\s*")
_PLACE_WORD = re.compile(r"^(?:[A-ZÀ-Þ][\w.'’-]*|de|del|la|le|el|al|of|the|da|do|dos|das|von|van|upon|on|sur|am)$")
_BYLINE = re.compile(r"^By\s+[A-ZÀ-Þ][\w.'’-]+(?:\s+[\w.'’-]+){0,8}(?:,\s*[^\n]{1,60})?$")
_CONTRIBUTION = re.compile(
    r"^\(?\s*(?:\(?(?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled|Written)\s+by\b[^\n]{0,250}"
    r"|[^\n]{0,200}\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|reporting)\b[^\n]{0,20})\)?\s*$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*$")
_HEADLINE_MAX_WORDS = 30
# A headline and a dek (the summary line under it) before the dateline paragraph, at most.
_DEK_PARAGRAPHS = 2
_DEK_MAX_WORDS = 45


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'’-]*", text)


def _is_place(text: str) -> bool:
    words = text.replace("/", " ").split()
    return 0 < len(words) <= 5 and words[0][0].isupper() and all(_PLACE_WORD.match(w) for w in words)


def _is_agency_name(part: str) -> bool:
    if part.lower() in KNOWN_AGENCIES:
        return True
    words = part.split()
    return 0 < len(words) <= 4 and bool(re.match(r"^[A-Za-z]", part)) and not _SENTENCE_END.search(part)


def _squash(text: str) -> str:
    """Collapse every run of whitespace (NBSP included) to one space."""
    return " ".join(text.split())


def _split_credit(credit: str) -> list[str]:
    parts = (_squash(p).strip(" .") for p in _CREDIT_SPLIT.split(credit.strip()))
    return [p for p in parts if p]


def parse_date(text: str, year: int | None = None) -> tuple[int | None, int | None, int | None, str | None]:
    """Read a dateline date ("Feb. 27", "27 February 2025", "2025-02-27").

    Returns ``(month, day, year, iso_date)``; the year comes from the text, else from
    ``year``; ``iso_date`` is set only when the date is valid and its year known.
    """
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text.strip())
        if not match:
            continue
        if "month" not in match.groupdict():
            return None, None, year, None
        month_text = match["month"].rstrip(".").lower()
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text)
        day = int(match["day"])
        found_year = int(match["year"]) if match["year"] else year
        iso = None
        if month and found_year:
            try:
                iso = dt.date(found_year, month, day).isoformat()
            except ValueError:
                return None, None, found_year, None
        return month, day, found_year, iso
    return None, None, year, None


def _looks_like_date(part: str) -> bool:
    return any(p.match(part.strip()) for p in _DATE_PATTERNS)


def _read_head(head: str) -> tuple[str, str | None, str | None] | None:
    """Split "London, Feb. 27," into place, region and date text; None if it is no dateline head."""
    parts = [_squash(p) for p in head.strip().strip(",").split(",") if p.strip()]
    if not parts or not _is_place(parts[0]):
        return None
    place, region, date_text = parts[0], None, None
    for part in parts[1:]:
        if date_text is None and _looks_like_date(part):
            date_text = part
        elif date_text is None and region is None and _is_place(part):
            region = part
        elif date_text is not None and re.fullmatch(r"\d{4}", part):
            date_text = f"{date_text}, {part}"
        else:
            return None
    return place, region, date_text


def find_dateline(text: str, start: int, end: int, year: int | None = None) -> tuple[Dateline, list[str]] | None:
    """Find a dateline at the start of the paragraph ``text[start:end]``."""
    para = text[start:end]
    match = _WITH_CREDIT.match(para)
    agencies: tuple[str, ...] = ()
    head_parts = None
    if match:
        credit_parts = _split_credit(match["credit"])
        known = any(p.lower() in KNOWN_AGENCIES for p in credit_parts)
        if credit_parts and all(_is_agency_name(p) for p in credit_parts) and (match["dash"] or known):
            head_parts = _read_head(match["head"])
            agencies = tuple(credit_parts)
    if head_parts is None:
        match = _NO_CREDIT.match(para)
        if match:
            head_parts = _read_head(match["head"])
            if head_parts is not None:
                place = head_parts[0]
                capitals = place.upper() == place and any(c.isalpha() for c in place)
                if not (capitals or head_parts[2]):
                    head_parts = None
    if match is None or head_parts is None:
        return None
    place, region, date_text = head_parts
    warnings: list[str] = []
    month = day = found_year = None
    iso = None
    if date_text:
        month, day, found_year, iso = parse_date(date_text, year)
        if month is None:
            warnings.append(warning("W002", date_text=date_text))
        elif iso is None:
            warnings.append(warning("W003"))
    dl_start, dl_end = strip_span(text, start, start + match.end())
    if place.isupper():
        place = place.title()
    if region and region.isupper():
        region = region.title()
    dateline = Dateline(
        text=text[dl_start:dl_end],
        start=dl_start,
        end=dl_end,
        place=place,
        region=region,
        date_text=date_text,
        month=month,
        day=day,
        year=found_year,
        date=iso,
        agencies=agencies,
    )
    return dateline, warnings


def _is_headline(text: str) -> bool:
    """A first paragraph that reads like a headline: one short line."""
    if "\n" in text.strip():
        return False
    words = _words(text)
    if not words or len(words) > _HEADLINE_MAX_WORDS:
        return False
    if not _SENTENCE_END.search(text):
        return True
    # Some archives end headlines with a full stop: accept title case.
    content = [w for w in words if len(w) > 3]
    capitalised = sum(1 for w in content if w[0].isupper())
    return bool(content) and capitalised / len(content) >= 0.6


def find_credit(text: str, start: int, end: int) -> Credit | None:
    """A trailing credit line: an agency list ("GNA", "dpa/ab") or "(Reporting by ...)"."""
    line = text[start:end]
    if "\n" in line:
        return None
    if _CONTRIBUTION.match(line):
        agencies = tuple(a for a in _split_credit(line) if a.lower() in KNOWN_AGENCIES)
        return Credit(text=line, start=start, end=end, agencies=agencies)
    bare = line.strip().strip("()[]©–—- ").strip()
    bare = re.sub(r"\s*\b(?:19|20)\d\d$", "", bare)
    if not bare or len(bare) > 60 or _SENTENCE_END.search(bare):
        return None
    parts = _split_credit(bare)
    agencies = tuple(p for p in parts if p.lower() in KNOWN_AGENCIES)
    initials = [p for p in parts if re.fullmatch(r"[a-z]{2,4}", p) and p.lower() not in KNOWN_AGENCIES]
    if agencies and len(agencies) + len(initials) == len(parts):
        return Credit(text=line, start=start, end=end, agencies=agencies)
    return None


def read_wire(
    text: str, *, doc_id: str, source_path: str | None = None, year: int | None = None, headline: str = "auto"
) -> Story:
    """Read wire copy into a Story.

    ``headline`` is ``"auto"`` (a short first paragraph is the headline), ``"first"`` (the
    first paragraph always is) or ``"none"``.
    """
    spans = split_paragraphs(text)
    story = Story(text=text, doc_id=doc_id, source_path=source_path)
    index = 0
    if len(spans) > 1 and headline != "none":
        first_start, first_end = spans[0]
        is_dateline = find_dateline(text, first_start, first_end, year) is not None
        if headline == "first" or (not is_dateline and _is_headline(text[first_start:first_end])):
            story.headline = Offsets(first_start, first_end)
            index = 1
    if index < len(spans) and _BYLINE.match(text[spans[index][0] : spans[index][1]]):
        story.byline = Offsets(*spans[index])
        index += 1
    body = spans[index:]
    if len(body) > 1:
        credit = find_credit(text, *body[-1])
        if credit is not None:
            story.credit = credit
            body = body[:-1]
    if body:
        at, found = 0, find_dateline(text, body[0][0], body[0][1], year)
        if found is None:
            at, found = _dateline_after_dek(text, body, year)
            if found is not None and index == 0 and headline != "none":
                # "E.U. leaders weigh plans for greater military coordination.¶After Brexit, bloc
                # aims to rely less on U.S. support.¶BRUSSELS - European leaders …": the first
                # line is the headline (web copy ends some with a full stop) and what comes
                # before the dateline a dek, which stays a paragraph of the body
                story.headline = Offsets(*body[0])
                body, at = body[1:], at - 1
        if found is None:
            story.warnings.append(warning("W001"))
        else:
            story.dateline, dateline_warnings = found
            story.warnings.extend(dateline_warnings)
            rest = strip_span(text, story.dateline.end, body[at][1])
            body = body[:at] + ([rest] if rest[0] < rest[1] else []) + body[at + 1 :]
    story.paragraphs = list(_paragraphs(text, body))
    if year is not None:
        story.meta["year"] = year
    return story


def _dateline_after_dek(
    text: str, body: list[tuple[int, int]], year: int | None
) -> tuple[int, tuple[Dateline, list[str]] | None]:
    """The dateline of the second or third paragraph when every paragraph before it is one
    short line (a headline, a dek), and its paragraph's index; else ``(0, None)``."""
    for at in range(1, min(_DEK_PARAGRAPHS + 1, len(body))):
        before = text[body[at - 1][0] : body[at - 1][1]]
        if "\n" in before.strip() or len(_words(before)) > _DEK_MAX_WORDS:
            break
        found = find_dateline(text, body[at][0], body[at][1], year)
        if found is not None:
            return at, found
    return 0, None


def _paragraphs(text: str, spans: Iterable[tuple[int, int]]) -> Iterable[Paragraph]:
    for start, end in spans:
        yield Paragraph(start=start, end=end, text=text[start:end])


def wire_reader(raw: RawInput, options: InputOptions) -> list[Story]:
    """The default reader: one file of wire copy is one story."""
    text, notes = decoded_story_text(raw, options)
    story = read_wire(text, doc_id=raw.doc_id, source_path=raw.source_path, year=options.year)
    story.warnings[:0] = notes
    # Decoded from a detected legacy encoding, the text differs from the file's bytes read as
    # UTF-8: the record must carry the text its offsets index.
    story.derived = bool(notes)
    return [story]


readers.register("dateline.wire_reader.v1", func=wire_reader)
