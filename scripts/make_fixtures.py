#!/usr/bin/env python3
"""Writes the spreadsheet fixtures of Tests/Fixtures/Sheets (run through scripts/make-fixtures.sh).

LibreOffice Calc itself writes the locale-formatted CSV exports (one file per sheet, named
BASE-SHEET.csv as Calc names them), the .ods and the .xlsx workbooks, from a flat ODS document whose
number formats are German (de-DE) or Dutch (nl-NL). The Excel-style text files (Windows-1252 CSV,
UTF-16 "Unicode text", UTF-8 with BOM) are written byte for byte as Excel writes them.
The expected figures are the same in every fixture: see COMMUNITIES below and the tests.
"""
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "Sheets")

# name, platform, members, posts per month, reactions per month, reach, scope
COMMUNITIES = [
    ("Wanderlust Deutschland", "Facebook", 48000, 120, 950.5, 150000, "international"),
    ("r/wandern", "Reddit", 95000, 310, 1200, None, "national"),
    ("Alpenverein Sektion München", "Meetup", 1200, 14.5, 60, None, "regional"),
    ("Trailrunning Köln", "Strava", 850, 6.25, 40, None, "local"),
    ("Outdoor-Blog Grünwald", "Blog", 14500, 8, 300.75, 60000, "national"),
]
# from, to, weight (names, as people write them in a links sheet)
LINKS = [
    ("Wanderlust Deutschland", "r/wandern", 0.8),
    ("Alpenverein Sektion München", "Trailrunning Köln", 0.35),
    ("Outdoor-Blog Grünwald", "Wanderlust Deutschland", 0.6),
]
HEADERS = {
    "de": (["Name", "Plattform", "Mitglieder", "Beiträge pro Monat", "Reaktionen", "Reichweite", "Ebene"],
           ["Von", "Nach", "Gewicht"], "Knoten", "Verbindungen", ("de", "DE")),
    "nl": (["Naam", "Kanaal", "Leden", "Berichten per maand", "Reacties", "Bereik", "Schaal"],
           ["Van", "Naar", "Gewicht"], "nodes", "links", ("nl", "NL")),
    "en": (["Name", "Platform", "Members", "Posts per month", "Reactions", "Reach", "Scope"],
           ["From", "To", "Weight"], "nodes", "links", ("en", "US")),
}


def decimals(value):
    text = repr(float(value))
    return 0 if text.endswith(".0") else len(text.split(".")[1])


def fods(lang):
    """A flat ODS document: a nodes sheet and a links sheet, numbers typed, formatted in `lang`."""
    header, link_header, nodes_sheet, links_sheet, (language, country) = HEADERS[lang]
    styles = []
    for places in range(3):
        styles.append(
            f'<number:number-style style:name="N{places}" number:language="{language}" number:country="{country}">'
            f'<number:number number:decimal-places="{places}" number:min-integer-digits="1" number:grouping="true"/>'
            f'</number:number-style>'
            f'<style:style style:name="ce{places}" style:family="table-cell" style:parent-style-name="Default" '
            f'style:data-style-name="N{places}"/>')

    def text_cell(text):
        return f'<table:table-cell office:value-type="string"><text:p>{escape(text)}</text:p></table:table-cell>'

    def number_cell(value, formula=None):
        if value is None:
            return "<table:table-cell/>"
        f = f' table:formula="{escape(formula)}"' if formula else ""
        return (f'<table:table-cell table:style-name="ce{decimals(value)}" office:value-type="float" '
                f'office:value="{value}"{f}><text:p>{value}</text:p></table:table-cell>')

    rows = ["<table:table-row>" + "".join(text_cell(h) for h in header) + "</table:table-row>"]
    for i, (name, platform, members, posts, reactions, reach, scope) in enumerate(COMMUNITIES):
        row_number = i + 2
        # Reach of the first community is a formula (Excel and Calc keep its cached value).
        reach_cell = number_cell(reach, "of:=[.C%d]*3+6000" % row_number if i == 0 else None)
        rows.append("<table:table-row>" + text_cell(name) + text_cell(platform) + number_cell(members)
                    + number_cell(posts) + number_cell(reactions) + reach_cell + text_cell(scope)
                    + "</table:table-row>")
    link_rows = ["<table:table-row>" + "".join(text_cell(h) for h in link_header) + "</table:table-row>"]
    for a, b, w in LINKS:
        link_rows.append("<table:table-row>" + text_cell(a) + text_cell(b) + number_cell(w) + "</table:table-row>")
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:styles><style:default-style style:family="table-cell"><style:text-properties fo:language="{language}" fo:country="{country}"/></style:default-style>
<style:style style:name="Default" style:family="table-cell"/></office:styles>
<office:automatic-styles>{"".join(styles)}</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="{nodes_sheet}">{"".join(rows)}</table:table>
<table:table table:name="{links_sheet}">{"".join(link_rows)}</table:table>
</office:spreadsheet></office:body></office:document>
'''


def soffice(args, cwd, env_locale):
    env = dict(os.environ)
    env["LC_ALL"] = env_locale
    profile = tempfile.mkdtemp(prefix="ecomap-lo-")
    try:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"] + args,
                       cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def calc_exports(lang, folder, base, charset):
    """Calc's CSV export of every sheet (BASE-SHEET.csv), `;` between cells, cells as shown."""
    work = tempfile.mkdtemp(prefix="ecomap-fixtures-")
    try:
        with open(os.path.join(work, base + ".fods"), "w", encoding="utf-8") as f:
            f.write(fods(lang))
        # Tokens: separator 59 (;), text delimiter 34 ("), character set, first line 1, cell formats,
        # language, quoted as text, detect special numbers, save as shown, export formulas, remove space,
        # sheet -1 (every sheet, one file each).
        options = f"59,34,{charset},1,,{ {'de': 1031, 'nl': 1043}[lang] },false,true,true,false,false,-1"
        soffice(["--convert-to", f"csv:Text - txt - csv (StarCalc):{options}", base + ".fods"], work,
                {"de": "de_DE.UTF-8", "nl": "nl_NL.UTF-8"}[lang])
        os.makedirs(folder, exist_ok=True)
        produced = sorted(n for n in os.listdir(work) if n.endswith(".csv"))
        if len(produced) != 2:
            sys.exit(f"expected two per-sheet CSV files from LibreOffice, got {produced}")
        for name in produced:
            shutil.copy(os.path.join(work, name), os.path.join(folder, name))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def workbooks(lang, folder, base):
    work = tempfile.mkdtemp(prefix="ecomap-fixtures-")
    try:
        with open(os.path.join(work, base + ".fods"), "w", encoding="utf-8") as f:
            f.write(fods(lang))
        soffice(["--convert-to", "ods", base + ".fods"], work, "de_DE.UTF-8")
        soffice(["--convert-to", "xlsx:Calc MS Excel 2007 XML", base + ".fods"], work, "de_DE.UTF-8")
        os.makedirs(folder, exist_ok=True)
        for ext in ("ods", "xlsx"):
            shutil.copy(os.path.join(work, f"{base}.{ext}"), os.path.join(folder, f"{base}.{ext}"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def excel_text(lang, decimal_comma):
    """One table of communities as Excel writes it (rows end in CRLF)."""
    header = HEADERS[lang][0]

    def number(v):
        if v is None:
            return ""
        text = f"{v:,.{decimals(v)}f}"
        if decimal_comma:
            text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        return text
    rows = [header]
    for name, platform, members, posts, reactions, reach, scope in COMMUNITIES:
        rows.append([name, platform, number(members), number(posts), number(reactions), number(reach), scope])
    return rows


def write_delimited(path, rows, delimiter, encoding, bom=b""):
    def cell(text):
        if delimiter in text or '"' in text or "\n" in text:
            return '"' + text.replace('"', '""') + '"'
        return text
    body = "\r\n".join(delimiter.join(cell(c) for c in row) for row in rows) + "\r\n"
    with open(path, "wb") as f:
        f.write(bom + body.encode(encoding))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    calc_exports("de", os.path.join(OUT, "calc-de"), "wandern", 76)     # UTF-8
    calc_exports("nl", os.path.join(OUT, "calc-nl"), "wandelen", 1)     # Windows-1252 (Western Europe)
    workbooks("de", os.path.join(OUT, "workbooks"), "wandern")
    excel = os.path.join(OUT, "excel")
    os.makedirs(excel)
    # Excel "CSV (Comma delimited)" on a German Windows: `;`, decimal comma, Windows-1252.
    write_delimited(os.path.join(excel, "wandern-1252.csv"), excel_text("de", True), ";", "cp1252")
    # Excel "Unicode Text": UTF-16 little-endian with a byte-order mark, tab-separated.
    write_delimited(os.path.join(excel, "wandern-unicode.txt"), excel_text("de", True), "\t", "utf-16-le", b"\xff\xfe")
    # Excel "CSV UTF-8 (Comma delimited)" in English: a byte-order mark, `,`, decimal point.
    write_delimited(os.path.join(excel, "wandern-utf8bom.csv"), excel_text("en", False), ",", "utf-8", b"\xef\xbb\xbf")
    # A comma file with decimal points and a `48.000` nobody can settle.
    ambiguous = excel_text("en", False)
    ambiguous[1][2] = "48.000"
    write_delimited(os.path.join(excel, "ambiguous.csv"), ambiguous, ",", "utf-8")
    # A file in an encoding that is neither UTF-8 nor Windows-1252 (Mac OS Roman has 0x8D for ç... and 0x81).
    with open(os.path.join(excel, "mac-roman.csv"), "wb") as f:
        f.write("Name,Members\r\nCaf\u00e9 \u00c5lesund,120\r\n".encode("mac_roman"))
    # A ZIP bomb: 300 MiB of spaces in content.xml, about 300 KiB packed.
    import zipfile
    with zipfile.ZipFile(os.path.join(OUT, "workbooks", "bomb.ods"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        info = zipfile.ZipInfo("content.xml", date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as f:
            f.write(b'<office:document-content><office:body><office:spreadsheet><table:table table:name="nodes">')
            block = b" " * (1 << 20)
            for _ in range(300):
                f.write(block)
    # The same bomb with headers that lie: 1,000 bytes declared (found only by counting while inflating).
    liar = os.path.join(OUT, "workbooks", "bomb-lying.ods")
    with zipfile.ZipFile(liar, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        info = zipfile.ZipInfo("content.xml", date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, b"<x>" + b" " * (300 << 20))
    data = bytearray(open(liar, "rb").read())
    import struct
    assert data[:4] == b"PK\x03\x04"
    struct.pack_into("<I", data, 22, 1000)                 # local header: uncompressed size
    cd = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, cd + 24, 1000)            # central directory: uncompressed size
    open(liar, "wb").write(bytes(data))
    print(f"fixtures written to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
