"""The publication package: the forum's public record as a static bilingual website with
open data and PDFs, built from the public projection of every record and nothing else.

``site_data`` reads what may be published, ``open_data`` writes it as CSV and JSON,
``pages`` renders the HTML (Jinja2 templates with no text of their own: every word comes
from the message catalogs, so both languages stay complete), ``build`` puts it together
as a signed bag.
"""
