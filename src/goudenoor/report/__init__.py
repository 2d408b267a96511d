"""
Reports and workbooks: what an auditor hands over and fills in.

The Markdown report needs only the standard library; the HTML report
needs the ``report`` extra (jinja2, matplotlib) and the XLSX workbook the
``xlsx`` extra (openpyxl). Those are imported only when used.
"""
