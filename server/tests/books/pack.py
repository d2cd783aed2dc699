#!/usr/bin/env python3
"""Packs the real-book test corpus from a checkout of the W3C EPUB 3 Community Group's
`epub3-samples` repository (https://github.com/IDPF/epub3-samples, CC BY-SA 3.0 unless a sample
says otherwise). Text only: images, fonts, audio, video, scripts and style sheets are left out
(the manifest still lists them, as a reader tolerates), so the files stay small.

    python3 pack.py /path/to/epub3-samples

`childrens-literature-epub2.epub` is an adaptation made here: the same book repackaged as
EPUB 2 (package version 2.0, the NCX as its only table of contents, no navigation document,
manifest items in reverse order so that file order and spine order differ).
"""

import re
import sys
import zipfile
from pathlib import Path

SKIPPED = re.compile(r"\.(jpe?g|png|gif|svg|otf|ttf|woff2?|mp3|mp4|m4a|css|js|DS_Store)$", re.I)

BOOKS = {
    "moby-dick": "moby-dick.epub",
    "childrens-literature": "childrens-literature.epub",
    "wasteland": "wasteland.epub",
    "georgia-cfi": "georgia.epub",
    "regime-anticancer-arabic": "regime-anticancer-arabic.epub",
}


def files_of(sample: Path):
    for path in sorted(sample.rglob("*")):
        if path.is_file() and path.name != "mimetype" and not SKIPPED.search(path.name):
            yield path.relative_to(sample).as_posix(), path.read_bytes()


def write(out: Path, entries):
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), b"application/epub+zip", zipfile.ZIP_STORED)
        for name, data in entries:
            archive.writestr(name, data, zipfile.ZIP_DEFLATED, compresslevel=9)


def as_epub2(entries):
    """Package 2.0, NCX only, manifest reversed."""
    out = []
    for name, data in entries:
        if name.endswith("nav.xhtml"):
            continue
        if name.endswith(".opf"):
            text = data.decode("utf-8")
            text = text.replace('version="3.0"', 'version="2.0"')
            text = re.sub(r'\s*<item [^>]*properties="nav"[^>]*/>', "", text)
            text = re.sub(r"\s*<meta (?:refines|property)=\"[^\"]*\"[^>]*>[^<]*</meta>", "", text)
            text = re.sub(r' properties="[^"]*"', "", text)
            manifest = re.search(r"(<manifest>)(.*?)(\s*</manifest>)", text, re.S)
            items = re.findall(r"<item [^>]*/>", manifest.group(2))
            body = "".join("\n\t\t" + item for item in reversed(items))
            text = text[: manifest.start(2)] + body + text[manifest.end(2) :]
            data = text.encode("utf-8")
        out.append((name, data))
    return out


def main(root: str):
    samples = Path(root) / "30"
    here = Path(__file__).parent
    for sample, name in BOOKS.items():
        entries = list(files_of(samples / sample))
        write(here / name, entries)
        if sample == "childrens-literature":
            write(here / "childrens-literature-epub2.epub", as_epub2(entries))


if __name__ == "__main__":
    main(sys.argv[1])
