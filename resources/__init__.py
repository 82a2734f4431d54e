"""Bundled data files: icons, fonts, templates, the standards catalogue."""

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
