"""Default locations, built from the project root."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW_DOCUMENT = ROOT / "raw" / "certification-table-medical-office-managers.txt"
REFERENCE = ROOT / "reference" / "credentials.csv"
OUTPUT_DIR = ROOT / "output"
DICTIONARY = ROOT / "docs" / "data-dictionary.md"
