"""Fonts embedded in the PDFs (see README.md for their source and licences).

A package only so that setuptools installs the font and licence files with it.
"""
