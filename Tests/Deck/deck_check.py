#!/usr/bin/env python3
"""Opens an ecomap deck as PowerPoint's format readers do and checks what the deck promises.

    python3 Tests/Deck/deck_check.py DECK.pptx [--editable] [--names NAME ...] [--png-out FILE]

1. python-pptx: 16:9 (12192000 x 6858000 EMU); a title slide; the map as a picture carrying an SVG
   (asvg:svgBlip) with a PNG fallback at least 1,600 px wide and alt text, or with --editable as
   native ellipse/hexagon/rounded-rectangle shapes with text and connectors; ranking tables in rank
   order continued over slides; speaker notes with each community's figures, reasons and missing
   figures; every run at least 10 pt; hyperlinks only http, https or mailto.
2. LibreOffice Impress, headless: converts the deck to PDF, one page per slide (pdfinfo), the map
   page is not blank (pdftoppm), and pdftotext finds the given names on the pages.

Exits 0 when every check passes, 1 with the failures listed, 2 when a tool is missing (the test
suite installs them: scripts/install-deps.sh --test). Never skips.
"""
import argparse
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile


def fail_missing(what):
    print(f"deck_check: {what} is missing; run `bash scripts/install-deps.sh --test`", file=sys.stderr)
    sys.exit(2)


try:
    from pptx import Presentation
    from pptx.util import Pt
    from pptx.enum.shapes import MSO_SHAPE_TYPE, MSO_SHAPE
except ImportError:
    fail_missing("python-pptx")

SVG_BLIP = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def connection_sites(shape):
    """The connection sites of a preset shape (EMU, slide coordinates), in DrawingML's order."""
    x, y, w, h = shape.left, shape.top, shape.width, shape.height
    kind = shape.auto_shape_type
    if kind == MSO_SHAPE.OVAL:
        c = math.cos(math.pi / 4)
        il, ir = x + w / 2 - w / 2 * c, x + w / 2 + w / 2 * c
        it, ib = y + h / 2 - h / 2 * c, y + h / 2 + h / 2 * c
        return [(x + w / 2, y), (il, it), (x, y + h / 2), (il, ib), (x + w / 2, y + h), (ir, ib), (x + w, y + h / 2), (ir, it)]
    if kind == MSO_SHAPE.HEXAGON:
        x1 = min(w, h) * 0.25
        return [(x + w, y + h / 2), (x + w - x1, y + h), (x + x1, y + h), (x, y + h / 2), (x + x1, y), (x + w - x1, y)]
    return [(x + w / 2, y), (x, y + h / 2), (x + w / 2, y + h), (x + w, y + h / 2)]


def check_pptx(path, editable, names, problems):
    prs = Presentation(path)
    if (prs.slide_width, prs.slide_height) != (12192000, 6858000):
        problems.append(f"slide size {prs.slide_width} x {prs.slide_height}, not 16:9 12192000 x 6858000")
    slides = list(prs.slides)
    if len(slides) < 4:
        problems.append(f"only {len(slides)} slides")
        return len(slides)
    # Every run at least 10 pt; links only to safe schemes.
    for i, slide in enumerate(slides, 1):
        for shape in slide.shapes:
            frames = []
            if shape.has_text_frame:
                frames.append(shape.text_frame)
            if getattr(shape, "has_table", False) and shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            for tf in frames:
                for p in tf.paragraphs:
                    for r in p.runs:
                        if r.font.size is None or r.font.size < Pt(10):
                            problems.append(f"slide {i}: run {r.text!r} is {r.font.size and r.font.size.pt} pt")
                        if r.hyperlink.address and not re.match(r"^(https?://|mailto:)", r.hyperlink.address):
                            problems.append(f"slide {i}: unsafe link {r.hyperlink.address}")
    # The map.
    map_slide = slides[1]
    if editable:
        kinds = {}
        connectors = 0
        for shape in map_slide.shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE:
                kinds[shape.auto_shape_type] = kinds.get(shape.auto_shape_type, 0) + 1
            if shape.element.tag.endswith("}cxnSp"):
                connectors += 1
        if kinds.get(MSO_SHAPE.OVAL, 0) < 3:
            problems.append(f"editable map: {kinds.get(MSO_SHAPE.OVAL, 0)} ellipses")
        if connectors < 2:
            problems.append(f"editable map: {connectors} connectors")
        # Links are glued to their shapes (stCxn/endCxn), at the connection site their ends sit on,
        # so they follow the shapes when moved.
        by_id = {s.shape_id: s for s in map_slide.shapes if s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE}
        links = [s for s in map_slide.shapes if s.element.tag.endswith("}cxnSp") and s.name.startswith("Link ")]
        if not links:
            problems.append("editable map: no link connectors")
        for link in links:
            ends = {}
            for tag, x, y in (("stCxn", link.begin_x, link.begin_y), ("endCxn", link.end_x, link.end_y)):
                found = link.element.xpath(f"./p:nvCxnSpPr/p:cNvCxnSpPr/a:{tag}")
                if not found:
                    problems.append(f"editable map: {link.name!r} has no {tag}")
                    continue
                shape = by_id.get(int(found[0].get("id")))
                if shape is None:
                    problems.append(f"editable map: {link.name!r} {tag} names no shape on the slide")
                    continue
                sites = connection_sites(shape)
                idx = int(found[0].get("idx"))
                if not 0 <= idx < len(sites):
                    problems.append(f"editable map: {link.name!r} {tag} site {idx} of {len(sites)}")
                    continue
                sx, sy = sites[idx]
                if abs(sx - x) > 2 * 12700 or abs(sy - y) > 2 * 12700:
                    problems.append(f"editable map: {link.name!r} {tag} ends {(x, y)} away from its site {(sx, sy)}")
                ends[tag] = shape.shape_id
            if len(ends) == 2 and ends["stCxn"] == ends["endCxn"]:
                problems.append(f"editable map: {link.name!r} glued to one shape at both ends")
        texts = " ".join(s.text_frame.text for s in map_slide.shapes if s.has_text_frame)
        for name in names[:1]:
            if name not in texts:
                problems.append(f"editable map: {name!r} not in the shapes' text")
    else:
        pictures = [s for s in map_slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        if not pictures:
            problems.append("map slide: no picture")
        for pic in pictures:
            if pic.element.find(f".//{SVG_BLIP}") is None:
                problems.append("map picture carries no asvg:svgBlip")
            width, height = pic.image.size
            if pic.image.content_type != "image/png" or width < 1600:
                problems.append(f"map fallback is {pic.image.content_type} {width} px wide")
            descr = pic.element.find(".//{http://schemas.openxmlformats.org/presentationml/2006/main}cNvPr").get("descr")
            if not descr:
                problems.append("map picture has no alt text")
    # Ranking tables in rank order over consecutive slides; notes with figures and missing figures.
    ranks = []
    for slide in slides:
        tables = [s for s in slide.shapes if getattr(s, "has_table", False) and s.has_table]
        for t in tables:
            rows = list(t.table.rows)[1:]
            ranks += [int(r.cells[0].text) for r in rows]
            notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
            for r in rows:
                if r.cells[1].text not in notes:
                    problems.append(f"notes lack {r.cells[1].text!r}")
            if "Missing figures:" not in notes or "Figures:" not in notes or "Why:" not in notes:
                problems.append("ranking notes lack figures, reasons or missing figures")
    if not ranks:
        problems.append("no ranking table")
    elif ranks != list(range(1, len(ranks) + 1)):
        problems.append(f"ranking not in rank order: {ranks[:20]}")
    return len(slides)


def check_impress(path, pages, names, png_out, problems):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    for tool in ["pdfinfo", "pdftotext", "pdftoppm"]:
        if not shutil.which(tool):
            fail_missing(tool + " (poppler-utils)")
    if not soffice:
        fail_missing("LibreOffice (soffice)")
    with tempfile.TemporaryDirectory() as tmp:
        profile = "file://" + os.path.join(tmp, "profile")
        run = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                              "--outdir", tmp, path], capture_output=True, text=True, timeout=300)
        pdf = os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".pdf")
        if run.returncode != 0 or not os.path.exists(pdf):
            if "impress" not in " ".join(os.listdir(os.path.dirname(os.path.realpath(soffice)))).lower() and not os.path.exists("/usr/lib/libreoffice/program/libsdlo.so"):
                fail_missing("LibreOffice Impress (libreoffice-impress-nogui)")
            problems.append(f"LibreOffice did not convert the deck: {run.stdout} {run.stderr}")
            return
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        m = re.search(r"^Pages:\s+(\d+)", info, re.M)
        if not m or int(m.group(1)) != pages:
            problems.append(f"PDF has {m and m.group(1)} pages for {pages} slides")
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
        for name in names:
            if name not in text:
                problems.append(f"PDF text lacks {name!r}")
        # The map page (2) drawn: many non-white pixels.
        prefix = os.path.join(tmp, "page")
        subprocess.run(["pdftoppm", "-f", "2", "-l", "2", "-r", "96" if not png_out else "144", "-png", "-singlefile", pdf, prefix], check=True)
        from PIL import Image
        img = Image.open(prefix + ".png").convert("L")
        histogram = img.histogram()
        inked = sum(histogram[:200]) / sum(histogram)
        # A slide of three nodes on white is mostly white: 1% ink is already a drawn map (a blank page has none).
        if inked < 0.01:
            problems.append(f"map page looks blank ({inked:.1%} inked)")
        colours = len(Image.open(prefix + ".png").convert("RGB").getcolors(maxcolors=1 << 24) or [])
        if colours < 8:
            problems.append(f"map page has {colours} colours")
        if png_out:
            shutil.copy(prefix + ".png", png_out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("deck")
    ap.add_argument("--editable", action="store_true")
    ap.add_argument("--names", nargs="*", default=[])
    ap.add_argument("--png-out")
    args = ap.parse_args()
    problems = []
    pages = check_pptx(args.deck, args.editable, args.names, problems)
    check_impress(args.deck, pages, args.names, args.png_out, problems)
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"deck ok: {pages} slides")


if __name__ == "__main__":
    main()
