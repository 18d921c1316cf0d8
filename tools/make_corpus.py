#!/usr/bin/env python3
"""Build the demo corpus (corpus/) from the sources in tools/corpus_src/.

Each source ``tools/corpus_src/<output-name>.src`` becomes ``corpus/<output-name>``;
the output's extension picks the writer (.pdf reportlab, .docx python-docx,
.html plain self-contained HTML, .txt/.md copied text). The source format is
described in tools/corpus_src/FORMAT.md.

Run from the repository root:  .venv/bin/python tools/make_corpus.py [names...]

The build is deterministic: PDFs are written with reportlab's ``invariant`` flag
(no timestamps or random document IDs) and .docx packages are re-zipped with
fixed member dates and fixed core properties.
"""

from __future__ import annotations

import datetime as _dt
import html
import io
import json
import os
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC_DIR = ROOT / "tools" / "corpus_src"
OUT_DIR = ROOT / "corpus"
SKIP = {"FORMAT.md", "WORLD.md", "REUSE_NOTES.md"}

BULLET_GLYPHS = ["\u2022", "\u27a2", "o", "-"]  # •, ➢, o, -
FIXED_DATE = _dt.datetime(2022, 1, 1, 0, 0, 0)

# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------


@dataclass
class Block:
    kind: str  # heading para bullet num quote table pagebreak columns /columns box /box bgraphic
    text: str = ""
    level: int = 1
    rows: list = field(default_factory=list)
    label: str = ""


@dataclass
class Doc:
    name: str
    front: dict
    meta: dict | None
    body_text: str
    blocks: list

    @property
    def layout(self) -> str:
        return (self.front.get("layout") or "report").strip().lower()

    def get(self, key: str, default: str = "") -> str:
        return self.front.get(key, default)


_NUM_RE = re.compile(r"^(\d+\.|\d+(?:\.\d+)+\.?)\s+(.*)$")
_COMMENT_RE = re.compile(r"\s+#\s.*$")


def _parse_meta(value: str) -> dict:
    value = value.strip()
    end = value.rfind("}")
    if end >= 0:
        value = value[: end + 1]
    return json.loads(value)


def parse_source(path: Path) -> Doc:
    raw = path.read_text(encoding="utf-8")
    lines = raw.splitlines()
    front: dict = {}
    meta = None
    i = 0
    if lines and lines[0].strip() == "---":
        i = 1
        while i < len(lines) and lines[i].strip() != "---":
            line = lines[i]
            i += 1
            if not line.strip() or ":" not in line:
                continue
            key, _, value = line.partition(":")
            key = key.strip().lower()
            if key == "meta":
                meta = _parse_meta(value)
                continue
            value = _COMMENT_RE.sub("", value).strip()
            front[key] = value
        i += 1  # closing ---
    body_lines = lines[i:]
    blocks = parse_body(body_lines)
    name = path.name[: -len(".src")]
    return Doc(
        name=name,
        front=front,
        meta=meta,
        body_text="\n".join(body_lines).strip() + "\n",
        blocks=blocks,
    )


def parse_body(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    para: list[str] = []
    cur: Block | None = None  # open bullet / num / quote block taking continuations
    table: list[list[str]] | None = None

    def flush():
        nonlocal para, cur, table
        if para:
            blocks.append(Block("para", " ".join(s.strip() for s in para)))
            para = []
        if table is not None:
            blocks.append(Block("table", rows=table))
            table = None
        cur = None

    for raw in lines:
        line = raw.rstrip()
        s = line.strip()
        if not s:
            flush()
            continue
        low = s.lower()
        if low == "[pagebreak]":
            flush()
            blocks.append(Block("pagebreak"))
            continue
        if low == "[columns]":
            flush()
            blocks.append(Block("columns"))
            continue
        if low == "[/columns]":
            flush()
            blocks.append(Block("/columns"))
            continue
        if low.startswith("[box]"):
            flush()
            blocks.append(Block("box", s[5:].strip()))
            continue
        if low == "[/box]":
            flush()
            blocks.append(Block("/box"))
            continue
        if low.startswith("[bullets-graphic]"):
            flush()
            rest = s[len("[bullets-graphic]") :].strip()
            blocks.append(Block("bgraphic", level=int(rest) if rest.isdigit() else 5))
            continue
        m = re.match(r"^(#{1,3})\s+(.*)$", s)
        if m and not line.startswith(" "):
            flush()
            blocks.append(Block("heading", m.group(2).strip(), level=len(m.group(1))))
            continue
        if s.startswith("|"):
            if para or cur:
                flush()
            cells = [c.strip() for c in s.strip("|").split("|")]
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue  # markdown separator row
            if table is None:
                table = []
            table.append(cells)
            continue
        if table is not None:
            flush()
        if s.startswith(">"):
            text = s[1:].strip()
            if cur is not None and cur.kind == "quote":
                cur.text += " " + text
            else:
                flush()
                cur = Block("quote", text)
                blocks.append(cur)
            continue
        if s.startswith("- ") or s == "-":
            flush()
            level = 2 if (len(line) - len(line.lstrip())) >= 2 else 1
            cur = Block("bullet", s[2:].strip(), level=level)
            blocks.append(cur)
            continue
        m = _NUM_RE.match(s)
        if m and not para:
            flush()
            cur = Block("num", m.group(2).strip(), label=m.group(1))
            blocks.append(cur)
            continue
        if cur is not None and cur.kind in ("bullet", "num") and line.startswith(" "):
            cur.text += " " + s
            continue
        if cur is not None:
            cur = None
        para.append(s)
    flush()
    return blocks


# --------------------------------------------------------------------------
# PDF (reportlab)
# --------------------------------------------------------------------------


def build_pdf(doc: Doc, out: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import (
        BaseDocTemplate,
        CondPageBreak,
        Frame,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )
    from reportlab.platypus.flowables import BalancedColumns, HRFlowable
    from reportlab.platypus.tableofcontents import TableOfContents

    # A font that has the arrow bullet, if the system provides one.
    glyph_font = None
    dv = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if dv.exists():
        try:
            if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("DejaVuSans", str(dv)))
            glyph_font = "DejaVuSans"
        except Exception:  # pragma: no cover - broken font file
            glyph_font = None

    def glyph_and_font(idx: int) -> tuple[str, str]:
        g = BULLET_GLYPHS[idx % len(BULLET_GLYPHS)]
        if g == "\u27a2":
            return (g, glyph_font) if glyph_font else ("\u2022", "Helvetica")
        return g, "Helvetica"

    layout = doc.layout
    navy = colors.HexColor("#1f3a5f")
    teal = colors.HexColor("#2a7f8f")
    pale = colors.HexColor("#e8f1f4")
    boxfill = colors.HexColor("#f3efe2")
    grey = colors.HexColor("#555555")

    base = ParagraphStyle("base", fontName="Helvetica", fontSize=10.5, leading=14.5, spaceAfter=6)
    st = {
        "body": base,
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=16,
            leading=20,
            textColor=navy,
            spaceBefore=10,
            spaceAfter=8,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=12.5,
            leading=16,
            textColor=teal,
            spaceBefore=8,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=10.5,
            leading=14,
            textColor=navy,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "bullet": ParagraphStyle(
            "bullet", parent=base, leftIndent=16, bulletIndent=4, spaceAfter=3
        ),
        "bullet2": ParagraphStyle(
            "bullet2", parent=base, leftIndent=30, bulletIndent=18, spaceAfter=3
        ),
        "num": ParagraphStyle("num", parent=base, leftIndent=30, bulletIndent=0, spaceAfter=6),
        "quote": ParagraphStyle(
            "quote",
            parent=base,
            fontName="Helvetica-Oblique",
            leftIndent=28,
            rightIndent=20,
            textColor=colors.HexColor("#333333"),
            spaceBefore=2,
            spaceAfter=8,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11.5, spaceAfter=0),
        "cellh": ParagraphStyle(
            "cellh",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=9,
            leading=11.5,
            spaceAfter=0,
            textColor=colors.white,
        ),
        "boxtitle": ParagraphStyle(
            "boxtitle",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=11,
            textColor=navy,
            spaceAfter=2,
        ),
        "cover_title": ParagraphStyle(
            "ct",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=30,
            leading=36,
            textColor=colors.white,
        ),
        "cover_sub": ParagraphStyle(
            "cs", parent=base, fontName="Helvetica", fontSize=14, leading=18, textColor=navy
        ),
        "band_title": ParagraphStyle(
            "bt",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=18,
            leading=22,
            textColor=colors.white,
        ),
        "toc_h": ParagraphStyle(
            "toch",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=16,
            leading=20,
            textColor=navy,
            spaceAfter=12,
        ),
        "letterhead": ParagraphStyle(
            "lh",
            parent=base,
            fontSize=9,
            leading=11.5,
            alignment=TA_RIGHT,
            textColor=grey,
            spaceAfter=0,
        ),
        "date": ParagraphStyle(
            "date", parent=base, alignment=TA_LEFT, spaceBefore=8, spaceAfter=10
        ),
    }

    def esc(t: str) -> str:
        return html.escape(t, quote=False)

    W, H = A4
    margin_x = 20 * mm
    top_m = 24 * mm
    bot_m = 22 * mm
    avail_w = W - 2 * margin_x
    header_text = doc.get("header", doc.get("title", ""))
    footer_text = doc.get("footer", "")

    def draw_furniture(canv, d):
        # running header: drawn before the page's content, so it extracts first
        canv.saveState()
        canv.setFont("Helvetica", 8)
        canv.setFillColor(grey)
        canv.drawString(margin_x, H - 13 * mm, header_text)
        canv.setStrokeColor(teal)
        canv.setLineWidth(0.6)
        canv.line(margin_x, H - 15 * mm, W - margin_x, H - 15 * mm)
        canv.restoreState()

    def draw_footer(canv, d):
        # footer and page number: drawn after the content, so they extract last
        canv.saveState()
        canv.setFont("Helvetica", 8)
        canv.setFillColor(grey)
        canv.setStrokeColor(teal)
        canv.setLineWidth(0.6)
        canv.line(margin_x, 15 * mm, W - margin_x, 15 * mm)
        canv.drawString(margin_x, 11 * mm, footer_text)
        canv.drawRightString(W - margin_x, 11 * mm, f"Page {canv.getPageNumber()}")
        canv.restoreState()

    def first_page(canv, d):
        canv.saveState()
        if layout == "report":
            canv.setFillColor(navy)
            canv.rect(0, H - 150 * mm, W, 130 * mm, stroke=0, fill=1)
            canv.setFillColor(teal)
            canv.rect(0, H - 156 * mm, W, 6 * mm, stroke=0, fill=1)
        elif layout in ("briefing", "bulletin"):
            canv.setFillColor(navy if layout == "briefing" else teal)
            canv.rect(0, H - 54 * mm, W, 34 * mm, stroke=0, fill=1)
        elif layout == "letter":
            canv.setFillColor(navy)
            canv.rect(margin_x, H - 26 * mm, 5 * mm, 5 * mm, stroke=0, fill=1)
        canv.restoreState()
        draw_furniture(canv, d)

    def frame(fid):
        return Frame(
            margin_x,
            bot_m,
            avail_w,
            H - top_m - bot_m,
            id=fid,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

    class Builder(BaseDocTemplate):
        def afterFlowable(self, fl):
            lvl = getattr(fl, "_toc_level", None)
            if lvl is None:
                return
            text = fl.getPlainText()
            key = f"h{lvl}-p{self.page}-{''.join(re.findall(r'[A-Za-z0-9_]', text))[:30]}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=lvl - 1, closed=True)
            if lvl == 1:
                self.notify("TOCEntry", (0, text, self.page, key))

    tmp = io.BytesIO()
    d = Builder(
        tmp,
        pagesize=A4,
        leftMargin=margin_x,
        rightMargin=margin_x,
        topMargin=top_m,
        bottomMargin=bot_m,
        title=doc.get("title"),
        author=doc.get("author", ""),
        subject=doc.get("subject", ""),
        creator="kb tools/make_corpus.py",
        invariant=1,
    )
    d.addPageTemplates(
        [
            PageTemplate(
                id="First", frames=[frame("first")], onPage=first_page, onPageEnd=draw_footer
            ),
            PageTemplate(
                id="Later", frames=[frame("body")], onPage=draw_furniture, onPageEnd=draw_footer
            ),
        ]
    )

    title = doc.get("title", doc.name)
    story: list = [NextPageTemplate("Later")]
    toc = None
    if layout == "report":
        cover = Table(
            [[Paragraph(esc(title), st["cover_title"])]], colWidths=[avail_w], rowHeights=[110 * mm]
        )
        cover.setStyle(
            TableStyle(
                [("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
            )
        )
        story.append(cover)
        story.append(Spacer(1, 26 * mm))
        if doc.get("subtitle"):
            story.append(Paragraph(esc(doc.get("subtitle")), st["cover_sub"]))
        if footer_text:
            story.append(Paragraph(esc(footer_text), st["cover_sub"]))
        story.append(PageBreak())
        story.append(Paragraph("Contents", st["toc_h"]))
        toc = TableOfContents()
        toc.levelStyles = [
            ParagraphStyle(
                "toc1", parent=base, fontSize=10.5, leading=15, leftIndent=0, firstLineIndent=0
            )
        ]
        toc.dotsMinLevel = 0
        story.append(toc)
        story.append(PageBreak())
    elif layout in ("briefing", "bulletin"):
        band = Table(
            [[Paragraph(esc(title), st["band_title"])]], colWidths=[avail_w], rowHeights=[28 * mm]
        )
        band.setStyle(
            TableStyle(
                [("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
            )
        )
        # The band is painted on the page by first_page(); the title sits over it.
        story.append(band)
        story.append(Spacer(1, 8 * mm))
    elif layout == "letter":
        lines = [title] + [
            p.strip() for p in re.split(r"\s*\|\s*|\\n", doc.get("address", "")) if p.strip()
        ]
        for ln in lines:
            story.append(Paragraph(esc(ln), st["letterhead"]))
        if doc.get("date"):
            story.append(Paragraph(esc(doc.get("date")), st["date"]))
        else:
            story.append(Spacer(1, 8 * mm))
    elif layout == "committee":
        story.append(Paragraph(esc(title), st["h1"]))
        story.append(HRFlowable(width="100%", thickness=1, color=navy, spaceAfter=8))

    # Body ---------------------------------------------------------------
    list_counter = [0]
    prev_kind = [None]

    def make_heading(b: Block):
        lvl = min(b.level, 3)
        p = Paragraph(esc(b.text), st[f"h{lvl}"])
        if lvl <= 2:
            p._toc_level = lvl
        return p

    def make_table(rows: list[list[str]], avail: float):
        ncols = max(len(r) for r in rows)
        rows = [r + [""] * (ncols - len(r)) for r in rows]
        weights = []
        for c in range(ncols):
            longest = max(len(r[c]) for r in rows)
            weights.append(min(max(longest, 4), 42) + 3)
        tot = sum(weights)
        widths = [avail * w / tot for w in weights]
        data = [
            [Paragraph(esc(c), st["cellh"] if ri == 0 else st["cell"]) for c in r]
            for ri, r in enumerate(rows)
        ]
        t = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        t.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7a8a99")),
                    ("BACKGROUND", (0, 0), (-1, 0), navy),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, pale]),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return t

    def convert(blocks: list[Block], avail: float) -> list:
        out: list = []
        i = 0
        while i < len(blocks):
            b = blocks[i]
            k = b.kind
            if k == "heading":
                if b.level == 1 and layout == "report" and out:
                    out.append(CondPageBreak(60 * mm))
                out.append(make_heading(b))
            elif k == "para":
                out.append(Paragraph(esc(b.text), st["body"]))
            elif k == "bullet":
                if prev_kind[0] != "bullet":
                    list_counter[0] += 1
                if b.level == 2:
                    g, f, style = "o", "Helvetica", st["bullet2"]
                else:
                    g, f = glyph_and_font(list_counter[0] - 1)
                    style = st["bullet"]
                s2 = ParagraphStyle(f"b{i}", parent=style, bulletFontName=f)
                out.append(Paragraph(esc(b.text), s2, bulletText=g))
            elif k == "num":
                out.append(Paragraph(esc(b.text), st["num"], bulletText=b.label))
            elif k == "quote":
                out.append(Paragraph(esc(b.text), st["quote"]))
            elif k == "table":
                out.append(make_table(b.rows, avail))
                out.append(Spacer(1, 8))
            elif k == "pagebreak":
                out.append(PageBreak())
            elif k == "bgraphic":
                # a graphic list: solid bullets or arrows, never letters
                g, f = glyph_and_font(list_counter[0] % 2)
                list_counter[0] += 1
                gs = ParagraphStyle(f"g{i}", parent=base, fontName=f, fontSize=18, leading=22)
                t = Table(
                    [[Paragraph(esc(g), gs) for _ in range(b.level)]],
                    colWidths=[14 * mm] * b.level,
                    hAlign="LEFT",
                )
                t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), pale)]))
                out.append(t)
                out.append(Spacer(1, 6))
            elif k in ("columns", "box"):
                end = "/" + k
                depth, j = 1, i + 1
                while j < len(blocks):
                    if blocks[j].kind == k:
                        depth += 1
                    elif blocks[j].kind == end:
                        depth -= 1
                        if depth == 0:
                            break
                    j += 1
                inner = blocks[i + 1 : j]
                if k == "columns":
                    gap = 8 * mm
                    sub = convert(inner, (avail - gap) / 2)
                    out.append(
                        BalancedColumns(
                            sub, nCols=2, innerPadding=gap / 2, spaceBefore=2, spaceAfter=6
                        )
                    )
                else:
                    sub = convert(inner, avail - 16)
                    rows = [[Paragraph(esc(b.text), st["boxtitle"])]] if b.text else []
                    rows += [[f] for f in sub]
                    t = Table(rows, colWidths=[avail], hAlign="LEFT")
                    t.setStyle(
                        TableStyle(
                            [
                                ("BACKGROUND", (0, 0), (-1, -1), boxfill),
                                ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#b9a66b")),
                                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                                ("TOPPADDING", (0, 0), (-1, -1), 3),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                            ]
                        )
                    )
                    out.append(Spacer(1, 4))
                    out.append(t)
                    out.append(Spacer(1, 8))
                prev_kind[0] = k
                i = j + 1
                continue
            prev_kind[0] = k
            i += 1
        return out

    story += convert(doc.blocks, avail_w)
    if toc is not None:
        d.multiBuild(story)
    else:
        d.build(story)
    out.write_bytes(tmp.getvalue())


# --------------------------------------------------------------------------
# DOCX (python-docx)
# --------------------------------------------------------------------------


def _deterministic_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def build_docx(doc: Doc, out: Path) -> None:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    d = docx.Document()
    cp = d.core_properties
    cp.title = doc.get("title")
    cp.author = doc.get("author", "Harrowden Council")
    cp.last_modified_by = doc.get("author", "Harrowden Council")
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.last_printed = FIXED_DATE
    cp.revision = 1
    cp.comments = ""
    normal = d.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)

    sec = d.sections[0]
    sec.header.paragraphs[0].text = doc.get("header", doc.get("title", ""))
    fp = sec.footer.paragraphs[0]
    fp.text = doc.get("footer", "") + "\t\tPage "

    def add_field(par, instr):
        run = par.add_run()
        b = OxmlElement("w:fldChar")
        b.set(qn("w:fldCharType"), "begin")
        it = OxmlElement("w:instrText")
        it.set(qn("xml:space"), "preserve")
        it.text = instr
        s = OxmlElement("w:fldChar")
        s.set(qn("w:fldCharType"), "separate")
        t = OxmlElement("w:t")
        t.text = "1"
        e = OxmlElement("w:fldChar")
        e.set(qn("w:fldCharType"), "end")
        for el in (b, it, s, t, e):
            run._r.append(el)

    add_field(fp, "PAGE")

    def shade(cell, fill):
        tcPr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        tcPr.append(shd)

    title = doc.get("title")
    if title:
        d.add_heading(title, level=0)

    def emit(blocks, container):
        i = 0
        while i < len(blocks):
            b = blocks[i]
            k = b.kind
            if k == "heading":
                if container is d:
                    d.add_heading(b.text, level=min(b.level, 3))
                else:
                    r = container.add_paragraph().add_run(b.text)
                    r.bold = True
            elif k == "para":
                container.add_paragraph(b.text)
            elif k == "bullet":
                container.add_paragraph(
                    b.text, style="List Bullet" if b.level == 1 else "List Bullet 2"
                )
            elif k == "num":
                p = container.add_paragraph()
                p.paragraph_format.left_indent = Cm(1.25)
                p.paragraph_format.first_line_indent = Cm(-1.25)
                p.add_run(b.label + "\t" + b.text)
            elif k == "quote":
                p = container.add_paragraph()
                p.paragraph_format.left_indent = Cm(1)
                r = p.add_run(b.text)
                r.italic = True
            elif k == "table":
                ncols = max(len(r) for r in b.rows)
                t = container.add_table(rows=0, cols=ncols)
                t.style = d.styles["Table Grid"]
                for ri, row in enumerate(b.rows):
                    cells = t.add_row().cells
                    for ci in range(ncols):
                        cells[ci].text = row[ci] if ci < len(row) else ""
                        if ri == 0:
                            for r in cells[ci].paragraphs[0].runs:
                                r.bold = True
                            shade(cells[ci], "D9E2F3")
                container.add_paragraph()
            elif k == "pagebreak":
                if container is d:
                    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            elif k == "bgraphic":
                for _ in range(b.level):
                    container.add_paragraph("", style="List Bullet")
            elif k in ("columns", "box"):
                end = "/" + k
                j = i + 1
                while j < len(blocks) and blocks[j].kind != end:
                    j += 1
                inner = blocks[i + 1 : j]
                if k == "box":
                    t = container.add_table(rows=1, cols=1)
                    t.style = d.styles["Table Grid"]
                    cell = t.rows[0].cells[0]
                    shade(cell, "F3EFE2")
                    first = cell.paragraphs[0]
                    if b.text:
                        r = first.add_run(b.text)
                        r.bold = True
                        r.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
                    emit(inner, cell)
                    container.add_paragraph()
                else:
                    emit(inner, container)
                i = j + 1
                continue
            i += 1

    emit(doc.blocks, d)
    buf = io.BytesIO()
    d.save(buf)
    out.write_bytes(_deterministic_zip(buf.getvalue()))


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------

HTML_CSS = """
body{font-family:Helvetica,Arial,sans-serif;max-width:46em;margin:0 auto;padding:0 1em;
color:#222;line-height:1.45}
header.site{border-bottom:3px solid #2a7f8f;padding:.6em 0;color:#555;font-size:.9em}
.masthead{background:#1f3a5f;color:#fff;padding:1em;margin:1em 0}
.masthead h1{margin:0;font-size:1.6em}
h2{color:#1f3a5f;margin-top:1.4em}h3{color:#2a7f8f}h4{color:#1f3a5f}
blockquote{font-style:italic;margin:.6em 2em;color:#333}
table{border-collapse:collapse;margin:.6em 0}
th,td{border:1px solid #7a8a99;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#1f3a5f;color:#fff}
.box{background:#f3efe2;border:1px solid #b9a66b;padding:.4em 1em;margin:1em 0}
.columns{column-count:2;column-gap:2em}
ul.graphic{list-style:disc;display:flex;gap:2em}
footer.site{border-top:1px solid #2a7f8f;margin-top:2em;padding:.6em 0;color:#555;font-size:.9em}
""".strip()


def build_html(doc: Doc, out: Path) -> None:
    e = lambda t: html.escape(t, quote=True)  # noqa: E731
    parts: list[str] = []
    parts.append("<!DOCTYPE html>")
    parts.append('<html lang="en-GB">')
    parts.append("<head>")
    parts.append('<meta charset="utf-8">')
    parts.append("<title>{}</title>".format(e(doc.get("title", doc.name))))
    parts.append(f"<style>\n{HTML_CSS}\n</style>")
    parts.append("</head>")
    parts.append("<body>")
    parts.append('<header class="site">{}</header>'.format(e(doc.get("header", ""))))
    parts.append("<main>")
    parts.append('<div class="masthead"><h1>{}</h1></div>'.format(e(doc.get("title", doc.name))))
    open_list: list[str] = []

    def close_list():
        while open_list:
            parts.append(f"</{open_list.pop()}>")

    for b in doc.blocks:
        k = b.kind
        if k != "bullet":
            close_list()
        if k == "heading":
            lvl = min(b.level, 3) + 1
            parts.append(f"<h{lvl}>{e(b.text)}</h{lvl}>")
        elif k == "para":
            parts.append(f"<p>{e(b.text)}</p>")
        elif k == "bullet":
            if not open_list:
                parts.append("<ul>")
                open_list.append("ul")
            parts.append(f"<li>{e(b.text)}</li>")
        elif k == "num":
            parts.append(f'<p><span class="num">{e(b.label)}</span> {e(b.text)}</p>')
        elif k == "quote":
            parts.append(f"<blockquote><p>{e(b.text)}</p></blockquote>")
        elif k == "table":
            parts.append("<table>")
            for ri, row in enumerate(b.rows):
                tag = "th" if ri == 0 else "td"
                parts.append("<tr>" + "".join(f"<{tag}>{e(c)}</{tag}>" for c in row) + "</tr>")
            parts.append("</table>")
        elif k == "pagebreak":
            parts.append("<hr>")
        elif k == "bgraphic":
            parts.append('<ul class="graphic">' + "<li></li>" * b.level + "</ul>")
        elif k == "columns":
            parts.append('<div class="columns">')
        elif k == "box":
            parts.append('<div class="box">')
            if b.text:
                parts.append(f"<h4>{e(b.text)}</h4>")
        elif k in ("/columns", "/box"):
            parts.append("</div>")
    close_list()
    parts.append("</main>")
    parts.append('<footer class="site">{}</footer>'.format(e(doc.get("footer", ""))))
    parts.append("</body>")
    parts.append("</html>")
    out.write_text("\n".join(parts) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------


def build_text(doc: Doc, out: Path) -> None:
    out.write_text(doc.body_text, encoding="utf-8")


WRITERS = {
    ".pdf": build_pdf,
    ".docx": build_docx,
    ".html": build_html,
    ".htm": build_html,
    ".txt": build_text,
    ".md": build_text,
}


def build_one(src: Path) -> Path:
    doc = parse_source(src)
    out = OUT_DIR / doc.name
    ext = os.path.splitext(doc.name)[1].lower()
    writer = WRITERS.get(ext)
    if writer is None:
        raise SystemExit(f"{src.name}: no writer for extension {ext!r}")
    writer(doc, out)
    meta_path = OUT_DIR / (doc.name + ".meta.json")
    if doc.meta is not None:
        meta_path.write_text(
            json.dumps(doc.meta, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
    return out


def main(argv: list[str]) -> int:
    OUT_DIR.mkdir(exist_ok=True)
    sources = sorted(p for p in SRC_DIR.glob("*.src") if p.name not in SKIP)
    if argv:
        sources = [p for p in sources if any(a in p.name for a in argv)]
    failed = 0
    for src in sources:
        try:
            out = build_one(src)
            print(f"built {out.relative_to(ROOT)} ({out.stat().st_size} bytes)")
        except Exception as exc:  # keep going: report every broken source
            failed += 1
            print(f"FAILED {src.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
