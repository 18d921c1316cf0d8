"""Arrange a document's lines into blocks from their layout: headings by font size and weight,
paragraphs by line spacing, list items by their glyph, table rows and stat panels kept whole.

The input is what `extract.pdf` read (one `Line` per visual line, with size, weight and
position); the output is one `Line` per block, with its kind: heading (with a level), text,
item, caption or row. Nothing here looks at what the words say, only at how they are set.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter

from kb.extract import Line
from kb.extract.clean import _mend_hyphen, _vocabulary, drop_margins, normalise

# glyphs that open a list item; "o" and "-" only when followed by a space and text
BULLET = re.compile(r"^(?:[•●▪■◦○➢➤►▶✓✔·∙‣⁃\uf0b7\uf0a7\uf0d8\uf076\uf0fc]|[o\-–*](?=\s))\s*")
LONE_BULLET = re.compile(r"^[•●▪■◦○➢➤►▶✓✔·∙‣⁃\uf0b7\uf0a7\uf0d8\uf076\uf0fco\-–*\s]+$")
FIGURE = r"(?:[£$]?\d[\d,]*(?:\.\d+)?%?|-)"
STAT_ROW = re.compile(rf"^(?P<label>.*?[A-Za-z)].*?)\s+(?P<figures>{FIGURE}(?:\s+{FIGURE})*)$")
NUMERIC = re.compile(rf"^{FIGURE}(?:\s+{FIGURE})*$")
NUMBERED_NAME = re.compile(r"\b(section|part|table|figure|chart|theme|appendix|annex|chapter|"
                           r"step|phase|wave|module|stage|level|tier|priority|key stage)\s+\S+$",
                           re.I)
# a date alone on its line (a cover's or a letter's dateline), never a heading
DATELINE = re.compile(r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
                      r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|August|September|"
                      r"October|November|December|Spring|Summer|Autumn|Winter)\s+\d{4}$", re.I)
# how a line ends when the text runs on past it: a comma, a dash, a closing quotation mark
RUNS_ON = (",", "–", "—", "-", '"', "”", "’", "'")
# a lower-case list number that may open a heading: "ii. ", "iv) ", "b) "
LIST_NUMBER = re.compile(r"^(?:[ivx]{1,5}|[a-z])[.)]\s")
# a contents entry: its title, then a page number (after a space, a tab or dot leaders)
CONTENTS_ENTRY = re.compile(r"(?:\s|\.{2,}|…)\s*(\d{1,3})$")
RUN_ON = {"and", "or", "of", "the", "to", "for", "in", "with", "a", "an", "by", "on", "at",
          "that", "which", "their", "its", "from", "as", "is", "are", "be"}


def arrange(pages: list[list[Line]]) -> list[list[Line]]:
    """Blocks per page from the visual lines of every page of one document."""
    pages = [[_normalised(line) for line in lines] for lines in pages]
    # a header need only recur on 40% of pages (chapters have their own); table rows stay
    pages = drop_margins(pages, lambda line: line.text, share=0.4, least_pages=3,
                         keep=lambda line: line.kind == "row")
    pages = [_floats_in_place(lines) for lines in pages]
    pages = [_mark_contents(lines, len(pages)) for lines in pages]
    body = body_size(pages)
    # the first page is read as a cover; a later one of the first three only when it is one
    # (a note of changes before the title page)
    covers = {number for number, lines in enumerate(pages[:3]) if len(pages) > 2 and (
        number == 0 or _is_cover(lines, body))}
    levels = _heading_levels(pages, body, covers)
    vocabulary = _vocabulary([[line.text for line in lines] for lines in pages])
    arranged = []
    for number, lines in enumerate(pages):
        cover = number in covers
        marked = _unmark_run_ons([_classify(line, body, levels, cover) for line in lines], body)
        marked = _mark_items(marked)
        marked = _mark_stat_rows(marked)
        arranged.append([_demote_run_on(block, body) for block in _join(marked, vocabulary)])
    return arranged


FLOAT_LINES = 8  # the most lines a box set apart from the text (a callout) runs to


def _floats_in_place(lines: list[Line]) -> list[Line]:
    """A box set apart from the running text (a callout, a pull quote) that the file stores
    after the page's text and notes, though it stands higher up within the text's column, is
    read where it stands: after the last line above it. Its lines read as a paragraph of
    their own, not as a heading over the text that follows them (their weight is dropped).
    A second column is no such box (it stands beside the text, not within it), nor a narrow
    run of a figure's labels."""
    start = len(lines) - 1  # the box: the page's last lines, after a jump up the page
    while start > 0 and lines[start].top >= lines[start - 1].top - 2 * max(lines[start].size, 1):
        start -= 1
    box, rest = lines[start:], lines[:start]
    if len(rest) <= len(box) or len(box) > FLOAT_LINES or not box[0].bottom or \
            any(line.kind != "text" for line in box):
        return lines
    left, right = min(line.x0 for line in box), max(line.x1 for line in box)
    text_left = min((line.x0 for line in rest if line.bottom), default=left)
    text_right = max((line.x1 for line in rest if line.bottom), default=right)
    if left < text_left - 2 or right > text_right + 2 or \
            right - left < (text_right - text_left) / 2:
        return lines  # wider than the text, or a narrow column of a figure's labels
    above = [at for at, line in enumerate(rest) if line.bottom and line.bottom <= box[0].top]
    at = above[-1] + 1 if above else 0
    for line in box:
        line.bold = False
    return rest[:at] + box + rest[at:]


def _mark_contents(lines: list[Line], page_count: int) -> list[Line]:
    """A table of contents is navigation, not content: a page where most worded lines end in
    a page number of this document, rising as they go, has every line marked `contents`."""
    worded = [line for line in lines if line.kind in ("text", "heading")
              and any(c.isalpha() for c in line.text)]
    numbers = [int(match.group(1)) for line in worded
               if (match := CONTENTS_ENTRY.search(line.text))]
    rising = sum(later >= earlier for earlier, later in zip(numbers, numbers[1:], strict=False))
    if len(numbers) < 5 or len(numbers) < 0.6 * len(worded) or \
            rising < 0.8 * (len(numbers) - 1) or max(numbers) > page_count + 10:
        return lines
    for line in lines:
        if line.kind != "row":
            line.kind, line.level = "contents", 0
    return lines


def _demote_run_on(block: Line, body: float) -> Line:
    """A bold lead-in that turns out to be a sentence (long, or ending mid-phrase) is text;
    a line in display type that ends in a colon introduces what follows and stays a heading."""
    if block.kind == "heading":
        words = block.text.split()
        display = bool(body) and block.size >= body * 1.15
        colon = block.text.endswith(":") and not display
        if len(words) > (30 if display else 20) or words[-1].lower() in RUN_ON or \
                block.text.endswith((".", ",")) or colon or _continues_a_sentence(block.text):
            block.kind, block.level = "text", 0
    return block


def _unmark_run_ons(lines: list[Line], body: float) -> list[Line]:
    """A bold line at the body's size, set at the usual line spacing right under a line whose
    sentence runs on (ending in a word, a comma or a dash) or closes a quotation, carries that
    text on: a quotation's attribution ('... – Strategic Lead [Police],' / 'Wave 1 (February
    2025)'; '... the same people." –' / 'Frontline worker [LA], Wave 1 (February 2025)')."""
    pitch = _line_pitch(lines)
    for previous, line in zip(lines, lines[1:], strict=False):
        if line.kind == "heading" and line.size < body * 1.15 and previous.kind == "text" and \
                (previous.text[-1:].isalnum() or previous.text.endswith(RUNS_ON)) and \
                pitch and 0 < line.top - previous.top <= 1.3 * pitch:
            line.kind, line.level = "text", 0
    return lines


def _continues_a_sentence(text: str) -> bool:
    """A line that opens in lower case carries on a sentence (the tail of a quotation and its
    attribution, a wrapped line set in bold); a numbered item ("ii. Pre-appointment checks",
    "b) Referrals") is not one."""
    return text[:1].islower() and not LIST_NUMBER.match(text)


def _normalised(line: Line) -> Line:
    if line.kind == "row":
        text = "\t".join(re.sub(r"\s+", " ", normalise(cell)).strip()
                         for cell in line.text.split("\t"))
    else:
        text = re.sub(r"\s+", " ", normalise(line.text)).strip()
    return Line(text, line.kind, line.level, line.size, line.bold, line.x0, line.x1, line.top,
                line.bottom, font_top=line.font_top)


def body_size(pages: list[list[Line]]) -> float:
    """The size most of the document's characters are set in."""
    weights: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            if line.kind == "text" and line.size:
                weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def _is_heading(line: Line, body: float) -> bool:
    words = line.text.split()
    if line.kind != "text" or not body or not 0 < len(words) <= 18 or len(line.text) > 140:
        return False
    if line.text.endswith((".", ",", ";")) or not any(c.isalpha() for c in line.text):
        return False
    if BULLET.match(line.text) or NUMERIC.match(line.text) or "@" in line.text or \
            DATELINE.match(line.text):
        return False
    if re.search(r"\s\d{1,3}$", line.text) and not NUMBERED_NAME.search(line.text):
        return False  # a line of a contents page
    return line.size >= body * 1.15 or (line.bold and line.size >= body * 0.95)


def _is_cover(lines: list[Line], body: float) -> bool:
    """A title page: a few lines, every one with words set larger than the body (a note of
    changes may come before it, so any of the first pages can be one)."""
    worded = [line for line in lines if any(c.isalpha() for c in line.text)]
    return bool(worded) and sum(len(line.text.split()) for line in worded) < 80 and all(
        line.size >= body * 1.15 for line in worded)


def _heading_levels(pages: list[list[Line]], body: float, covers: set[int]
                    ) -> dict[tuple[float, bool], int]:
    """Heading styles (size, bold) ranked: the largest is level 1. A cover page's display
    type does not count, so the body's chapters are level 1."""
    body_pages = [lines for number, lines in enumerate(pages) if number not in covers]
    styles = {(line.size, line.bold) for lines in body_pages for line in lines
              if _is_heading(line, body)}
    ranked = sorted(styles, key=lambda style: (-style[0], not style[1]))
    return {style: min(rank + 1, 4) for rank, style in enumerate(ranked)}


def _classify(line: Line, body: float, levels: dict[tuple[float, bool], int], cover: bool
              ) -> Line:
    """Headings by their style; a cover page's display lines in a style the body never uses
    for headings are not sections of the document."""
    if _is_heading(line, body):
        style = (line.size, line.bold)
        if style in levels or not cover:
            line.kind, line.level = "heading", levels.get(style, 1)
    return line


def _mark_items(lines: list[Line]) -> list[Line]:
    """A bullet glyph opens a list item and is dropped; a glyph alone joins the next line."""
    out: list[Line] = []
    pending: Line | None = None
    margin = min((line.x0 for line in lines if line.kind == "text"), default=0.0)
    for line in lines:
        if line.kind not in ("text", "heading"):
            out.append(line)
            continue
        if LONE_BULLET.match(line.text) and len(line.text) <= 12:
            pending = line
            continue
        match = BULLET.match(line.text)
        glyph = match.group(0).strip() if match else ""
        sub_bullet = glyph in ("o", "-", "–", "*")
        if match and (not sub_bullet or line.x0 > margin + 4 or (out and out[-1].kind == "item")):
            level = 2 if sub_bullet or line.x0 > margin + 20 else 1
            line.text, line.kind, line.level = _item(line.text[match.end():], level), "item", level
        elif pending is not None:
            line.text, line.kind, line.level = _item(line.text, 1), "item", 1
            line.x0 = pending.x0
        pending = None
        if line.text:
            out.append(line)
    return _relative_item_levels(out)


def _relative_item_levels(lines: list[Line]) -> list[Line]:
    """An item's depth by its indent against the page's outermost item, whatever glyph."""
    indents = sorted({round(line.x0) for line in lines if line.kind == "item"})
    if not indents or not any(line.x1 for line in lines):
        return lines
    outer = indents[0]
    for line in lines:
        if line.kind == "item":
            level = 2 if line.x0 > outer + 8 else 1
            if level != line.level:
                line.level = level
                line.text = _item(line.text[2:], level)
    return lines


def _item(text: str, level: int) -> str:
    """A list item as kb writes every one, whatever glyph the source used."""
    return f"{'•' if level == 1 else '◦'} {text.strip()}"


def _mark_stat_rows(lines: list[Line]) -> list[Line]:
    """Short lines that end in figures, two or more in a run, are rows of an unruled table; a
    label line followed by a line of figures alone is a stat panel: the two become one row."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (line.kind in ("text", "heading") and following is not None
                and following.kind == "text" and NUMERIC.match(following.text)
                and len(line.text.split()) <= 14 and not line.text.endswith(".")):
            figures = following.text.split()
            out.append(Line("\t".join([line.text, *figures]), "row", 0, line.size, False,
                            line.x0, following.x1, line.top, following.bottom))
            index += 2
            continue
        out.append(line)
        index += 1
    for i, line in enumerate(out):
        if line.kind == "text" and _stat_shaped(line) and (
                (i > 0 and _stat_shaped(out[i - 1])) or
                (i + 1 < len(out) and _stat_shaped(out[i + 1]))):
            match = STAT_ROW.match(line.text)
            assert match is not None
            line.text = "\t".join([match.group("label"), *match.group("figures").split()])
            line.kind = "row"
    return out


def _stat_shaped(line: Line) -> bool:
    if line.kind == "row":
        return "\t" in line.text
    return line.kind == "text" and len(line.text.split()) <= 12 and bool(
        STAT_ROW.match(line.text)) and not line.text.endswith(".")


def _join(lines: list[Line], vocabulary: set[str]) -> list[Line]:
    """Visual lines into blocks: a paragraph runs on while lines follow at the usual spacing."""
    pitch, font_pitch = _line_pitch(lines), _font_pitch(lines)
    blocks: list[Line] = []
    last = 0.0  # the font box top of the block's last line: the next is spaced from it
    for line in lines:
        previous = blocks[-1] if blocks else None
        if previous is not None and _continues(previous, line, pitch, last, font_pitch):
            if previous.text.endswith("-"):
                previous.text = _mend_hyphen(previous.text, line.text, vocabulary)
            else:
                previous.text = f"{previous.text} {line.text}"
            previous.x1, previous.bottom = max(previous.x1, line.x1), line.bottom
            last = line.font_top
            continue
        blocks.append(Line(line.text, line.kind, line.level, line.size, line.bold, line.x0,
                           line.x1, line.top, line.bottom))
        last = line.font_top
    return blocks


FONT_REACH = 1.2  # a line this many usual spacings below the last carries on its paragraph


def _line_pitch(lines: list[Line]) -> float:
    gaps = [b.top - a.top for a, b in zip(lines, lines[1:], strict=False)
            if a.kind == b.kind == "text" and 0 < b.top - a.top < 3 * max(a.size, 1)]
    return statistics.median(gaps) if gaps else 0.0


def _font_pitch(lines: list[Line]) -> float:
    """The usual spacing of text lines by their font boxes, 0 where the reader gives none."""
    gaps = [b.font_top - a.font_top for a, b in zip(lines, lines[1:], strict=False)
            if a.kind == b.kind == "text" and a.font_top and b.font_top and
            0 < b.font_top - a.font_top < 3 * max(a.size, 1)]
    return statistics.median(gaps) if gaps else 0.0


def _continues(previous: Line, line: Line, pitch: float, last: float = 0.0,
               font_pitch: float = 0.0) -> bool:
    """True when `line` carries on the block `previous` (same kind, close below it). Where the
    reader gives each line's font box, a line a usual spacing below the block's last line is
    close: the glyphs' own boxes move with the letters sampled (an "h" stands taller than an
    "a"), so their spacing says less."""
    gap = line.top - previous.bottom
    if previous.kind == "heading" and line.kind == "heading" and line.size:
        # a heading wrapped over lines: spaced by its own type's size, not the body's
        return previous.level == line.level and abs(previous.size - line.size) < 0.5 and \
            -0.5 * line.size < gap < line.size and \
            -line.size < line.x0 - previous.x0 < 2 * line.size  # a number's hanging indent
    if not pitch:
        return False  # no geometry (a DOCX paragraph, a lone line): every block stands alone
    if font_pitch and last and line.font_top:
        close = -0.5 * font_pitch < line.font_top - last <= FONT_REACH * font_pitch
    else:
        close = -0.5 * pitch < line.top - previous.top <= 1.45 * pitch or 0 <= gap < 0.6 * pitch
    if not close:
        return False
    if line.kind != "text" or previous.kind not in ("text", "item"):
        return False
    if previous.kind == "item":
        return line.x0 > previous.x0 - 2  # an item's wrapped lines hang under its text
    return abs(line.size - previous.size) < 1.0
