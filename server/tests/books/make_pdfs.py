#!/usr/bin/env python3
"""Makes the PDF manuscripts of the import tests, as two common producers write them.

    python3 make_pdfs.py /path/to/epub3-samples   # needs chromium, and fpdf2 + pyphen from PyPI

* `moby-dick-1-3.pdf`: chapters 1 to 3 of the Moby-Dick sample EPUB (CC BY-SA 3.0, see README),
  printed to PDF by Chromium ("Save as PDF"): justified text, a running header with the book's
  title, the page number in the footer, each chapter on a new page.
* `niebla-1-3.pdf`: Miguel de Unamuno, *Niebla* (1914, public domain), chapters I to III from
  `server/demo`, typeset by fpdf2 as a word processor's export would be: Spanish hyphenation
  (pyphen) at line ends, a running header with author and title, page numbers in the footer,
  first-line indents and no space between paragraphs.
* `scanned.pdf`: one page holding only an image of text, no text layer (a scan).
* `password.pdf`: a page of text that opens only with a password ("secret").
* `moby-dick-300.pdf`: Moby-Dick from chapter 1 until 300 A5 pages, typeset by fpdf2, for the import benchmark.
"""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
DEMO = HERE.parent.parent / "demo"


def moby_dick(samples: Path):
    ops = samples / "30" / "moby-dick" / "OPS"
    chapters = []
    for number in (1, 2, 3):
        xhtml = (ops / f"chapter_{number:03}.xhtml").read_text(encoding="utf-8")
        body = re.search(r"<body[^>]*>(.*)</body>", xhtml, re.S).group(1)
        chapters.append(f'<section class="chapter">{body}</section>')
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Moby-Dick</title>
<style>
@page {{ size: A5; margin: 22mm 18mm 22mm 18mm;
  @top-center {{ content: "MOBY-DICK; OR, THE WHALE"; font: 8pt serif; }}
  @bottom-center {{ content: counter(page); font: 9pt serif; }} }}
body {{ font: 10.5pt/1.35 serif; text-align: justify; }}
.chapter {{ break-before: page; }}
h1 {{ font-size: 14pt; text-align: center; margin: 0 0 1.5em; }}
p {{ margin: 0; text-indent: 1.5em; }}
header {{ display: block; }}
</style></head><body>{''.join(chapters)}</body></html>"""
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "moby.html"
        page.write_text(html, encoding="utf-8")
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--print-to-pdf={HERE / 'moby-dick-1-3.pdf'}", page.as_uri()],
            check=True, capture_output=True)


def niebla():
    from fpdf import FPDF
    import pyphen

    hyphen = pyphen.Pyphen(lang="es")
    text = (DEMO / "es-unamuno-niebla-cap01-03.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]

    class Book(FPDF):
        def header(self):
            if self.page_no() > 1:
                self.set_font("serif", "I", 8)
                self.cell(0, 8, "Miguel de Unamuno — Niebla", align="C")
                self.ln(12)

        def footer(self):
            self.set_y(-15)
            self.set_font("serif", "", 9)
            self.cell(0, 8, str(self.page_no()), align="C")

    pdf = Book(format="A5")
    pdf.add_font("serif", "", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    pdf.add_font("serif", "I", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf")
    pdf.add_font("serif", "B", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")
    pdf.set_margins(16, 18, 16)
    pdf.set_auto_page_break(True, margin=20)
    for paragraph in paragraphs:
        if re.fullmatch(r"[IVXLC]+", paragraph):
            pdf.add_page()
            pdf.set_font("serif", "B", 13)
            pdf.cell(0, 12, paragraph, align="C")
            pdf.ln(16)
            continue
        pdf.set_font("serif", "", 10)
        words = " ".join(hyphen.inserted(word, hyphen="\u00ad") if len(word) > 6 else word
                         for word in paragraph.split(" "))
        pdf.multi_cell(0, 5, "\u2003" + words, align="J", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(HERE / "niebla-1-3.pdf"))


def scanned():
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("L", (800, 400), 255)
    draw = ImageDraw.Draw(image)
    for row in range(8):
        draw.text((40, 40 + row * 40), "A scanned page: this text is only pixels.", fill=0)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scan.png"
        image.save(path)
        pdf = FPDF(format="A5")
        pdf.add_page()
        pdf.image(str(path), x=10, y=10, w=120)
        pdf.output(str(HERE / "scanned.pdf"))


def password():
    from fpdf import FPDF

    pdf = FPDF(format="A5")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", "", 11)
    pdf.multi_cell(0, 6, "Chapter 1\n\nThis manuscript opens only with its password.",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(HERE / "password.pdf"))


def moby_dick_300(samples: Path):
    """Moby-Dick from its first chapter until 300 A5 pages, for the benchmark."""
    from fpdf import FPDF
    import html

    ops = samples / "30" / "moby-dick" / "OPS"

    class Book(FPDF):
        def header(self):
            self.set_font("sans", "I", 8)
            self.cell(0, 8, "Moby-Dick", align="C")
            self.ln(12)

        def footer(self):
            self.set_y(-15)
            self.set_font("sans", "", 9)
            self.cell(0, 8, f"Page {self.page_no()}", align="C")

    pdf = Book(format="A5")
    pdf.add_font("sans", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.add_font("sans", "B", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    pdf.add_font("sans", "I", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf")
    pdf.set_margins(16, 18, 16)
    pdf.set_auto_page_break(True, margin=20)
    number = 1
    while pdf.page_no() < 300:
        xhtml = (ops / f"chapter_{number:03}.xhtml").read_text(encoding="utf-8")
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", xhtml, re.S).group(1)
        title = " ".join(html.unescape(re.sub(r"<[^>]+>", "", heading)).split())
        pdf.add_page()
        pdf.set_font("sans", "B", 13)
        pdf.multi_cell(0, 7, title, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.set_font("sans", "", 10)
        for paragraph in re.findall(r"<p[^>]*>(.*?)</p>", xhtml, re.S):
            text = html.unescape(re.sub(r"<[^>]+>", "", paragraph)).strip()
            pdf.multi_cell(0, 5, "    " + text, align="J", new_x="LMARGIN", new_y="NEXT")
        number += 1
    pdf.output(str(HERE / "moby-dick-300.pdf"))


if __name__ == "__main__":
    moby_dick_300(Path(sys.argv[1]))
    moby_dick(Path(sys.argv[1]))
    niebla()
    scanned()
    password()
