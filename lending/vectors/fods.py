"""One flat OpenDocument spreadsheet (.fods) for the vector generators: rows of cells, formulas left to Calc."""
from pathlib import Path
from xml.sax.saxutils import escape


def text_cell(value):
    return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def formula_cell(formula):
    return f'<table:table-cell table:style-name="num" table:formula="of:={escape(formula)}"/>'


def write_fods(path: Path, table: str, rows: list) -> None:
    """rows: lists of cell XML strings (text_cell, formula_cell, or raw cells)."""
    body = "\n".join("<table:table-row>" + "".join(cells) + "</table:table-row>" for cells in rows)
    path.write_text(f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:number-style style:name="N12"><number:number number:decimal-places="12" number:min-integer-digits="1"/></number:number-style>
 <style:style style:name="num" style:family="table-cell" style:data-style-name="N12"/>
</office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="{table}">
{body}
</table:table></office:spreadsheet></office:body></office:document>
''')
