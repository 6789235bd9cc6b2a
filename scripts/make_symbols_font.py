"""Make desktop/resources/fonts/CaseDossierSymbols.ttf: the dossier's emoji and symbol face.

Kurinto (the dossier's main fonts) has no glyphs for the smileys (U+1F600...), transport
signs and the newer emoji; colour emoji fonts cannot be drawn by reportlab. Symbola
(George Douros; "free for any use; may be opened, edited, modified, regenerated,
packaged and redistributed") has black-and-white TrueType outlines for all of them.
This keeps only its emoji and symbol blocks (about 1 MB instead of 3 MB) and renames
the family, so nobody mistakes the subset for the full font.

Run once when the font should change; the result is committed. fontTools is needed
only here, not by the app:

    python3 -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools
    (cd /tmp && apt-get download fonts-symbola && dpkg-deb -x fonts-symbola_*.deb symbola)
    /tmp/ft/bin/python scripts/make_symbols_font.py \
        /tmp/symbola/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "desktop" / "resources" / "fonts" / "CaseDossierSymbols.ttf"
FAMILY = "CaseDossierSymbols"
# Miscellaneous symbols, dingbats, arrows and symbols, and every emoji plane block.
RANGES = ((0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="Symbola_hint.ttf (Debian's fonts-symbola)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()

    font = TTFont(args.source)
    options = subset.Options()
    options.hinting = False
    options.name_IDs = ["*"]
    options.name_legacy = True
    options.drop_tables += ["DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[code for low, high in RANGES for code in range(low, high + 1)])
    subsetter.subset(font)

    names = font["name"]
    original = names.getDebugName(5) or "unknown version"
    for name_id, text in (
        (1, FAMILY),
        (3, f"{FAMILY} (subset of Symbola {original})"),
        (4, FAMILY),
        (6, FAMILY),
    ):
        names.setName(text, name_id, 3, 1, 0x409)
        names.setName(text, name_id, 1, 0, 0)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    font.save(args.output)
    covered = len(TTFont(args.output).getBestCmap())
    size = args.output.stat().st_size
    print(f"{args.output.relative_to(ROOT)}: {size:,} bytes, {covered} characters")


if __name__ == "__main__":
    main()
