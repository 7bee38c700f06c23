"""Data and builders shared by the ingestion tests (imported by name, like tests/vectorstore/vs_cases.py)."""

from __future__ import annotations

import datetime as _dt
import json
import re
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"  # ../shared beside the repository, wherever it is cloned
CORPUS_DIR = SHARED / "corpus"
DEV_JSONL = SHARED / "eval" / "dev.jsonl"
SAMPLES_DIR = REPO / "samples"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

CORPUS_FILES = sorted(p.name for p in CORPUS_DIR.glob("*.txt"))
PDF_SAMPLE = "ke_hoach_nang_suat_song_lam_2030.pdf"
DOCX_SAMPLE = "ho_tro_doanh_nghiep_song_lam_2025.docx"
HTML_SAMPLE = "tin_song_lam_cau_lac_bo_nang_suat.html"
TXT_SAMPLE = "bao_cao_so_ket_song_lam_2024.txt"
SAMPLE_FILES = [PDF_SAMPLE, DOCX_SAMPLE, HTML_SAMPLE, TXT_SAMPLE]

QN_NEWS = "000_90dd7864220ee2ce.txt"  # Quảng Ninh news that also restates the national targets
KH_NEWS = "001_973f1fb2c12b9f14.txt"  # Khánh Hòa news, server error before the headline
QNA_NEWS = "002_22d1417cd32a5629.txt"  # Quảng Nam news, 1349/KH-UBND
BN_NEWS = "003_b2a90f66a4f11357.txt"  # Bắc Ninh news, 285/KH-UBND, view counter in the dateline
ND_PLAN = "004_80b94bbeffaeb75e.txt"  # the full Nam Định plan (official document)
ND_TITLE = ("Kế hoạch nâng cao năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo "
            "tỉnh Nam Định đến 2030")


def load_evidence() -> list[tuple[str, str, str]]:
    """(question id, corpus file, quote) for every evidence item in dev.jsonl."""
    out: list[tuple[str, str, str]] = []
    for line in DEV_JSONL.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            out.extend((item["id"], ev["doc"], ev["quote"]) for ev in item["evidence"])
    return out


EVIDENCE = load_evidence()


def flat(text: str) -> str:
    """White space collapsed (how the evaluation compares quotes with passages)."""
    return " ".join(text.split())


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?;])\s+", flat(text)) if s]


def build_pdf(pages: list[list[str]], auto_break: bool = False, size: float = 11,
              title: str | None = None) -> bytes:
    """A PDF with one page per list of lines (or flowing onto new pages when ``auto_break``); long lines wrap."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto_break, margin=20)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=size)
    pdf.set_creation_date(_dt.datetime(2024, 1, 1, tzinfo=_dt.timezone.utc))
    if title:
        pdf.set_title(title)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def scan_page(lines: list[str], width: int = 1300, size: int = 28):
    """A "scanned" page as a PIL image: the lines drawn in DejaVu Sans at ``size`` px, black on white (28 px is
    about 10 pt at 200 dpi: Tesseract reads it with its diacritics)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), size)
    img = Image.new("L", (width, 40 + 50 * len(lines)), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((40, 20 + 50 * i), line, font=font, fill=0)
    return img


def scanned_pdf(pages: list[list[str]], broken_page: int | None = None) -> bytes:
    """An image-only PDF (no text layer at all), one scanned page per list of lines, at 200 dpi.
    ``broken_page`` (from 1): that page's object is damaged (its /Type is not /Page): pypdf leaves it out and
    pdfium cannot load it, so OCR fails when it reaches it, as on a corrupt page of a real scan."""
    import io

    images = [scan_page(lines).convert("RGB") for lines in pages]
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=200, save_all=True, append_images=images[1:])
    data = buf.getvalue()
    if broken_page is not None:
        at = [m.start() for m in re.finditer(rb"/Type /Page\b(?!s)", data)][broken_page - 1]
        data = data[:at] + b"/Type /Pagx" + data[at + len(b"/Type /Page"):]  # same length: offsets unchanged
    return data


def plan_as_pdf(text: str) -> bytes:
    """A plain-text plan laid out as a flowing PDF, one paragraph per non-blank line (as a drafter's PDF)."""
    return build_pdf([[ln for ln in text.split("\n") if ln.strip()]], auto_break=True)


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 as legacy files use it: base letters precomposed, the five tone marks combining (Python's
    cp1258 codec has no precomposed toned letters like ế, so this is the only form it can encode)."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
                   + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")
