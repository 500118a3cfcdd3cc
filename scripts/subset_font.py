"""Trunk pre-build hook: makes the one font file of the app's screens, Be Vietnam Pro (from
the @fontsource npm package), from two of fontsource's files: the Latin file cut down to
what Vietnamese text uses (ASCII, the Latin-1 letters of the Vietnamese alphabet, common
punctuation; not the Latin-1 letters Vietnamese never uses, ñ, ß, Æ, ...), merged with the
Vietnamese file (ă â đ ê ô ơ ư and every letter with a tone mark), whole.

One face, not two files split by unicode-range as fontsource ships them: with two, nearly
every Vietnamese word switches face, and Chromium shapes and breaks lines over thousands of
tiny runs. A keystroke in a box of 10,000 characters of Vietnamese took 176 ms at 4x CPU
throttling with the two files, 32 ms with the one (docs/RELIABILITY.md, issue 22). The one
file is also smaller than the two (16 KB against 25 KB), which every Vietnamese page loaded.

Writes target/fonts/be-vietnam-pro-vi-400-normal.woff2, only when it is out of date.
"""

import os
import sys

from fontTools import merge, subset

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = os.path.join(ROOT, "node_modules/@fontsource/be-vietnam-pro/files")
SOURCE = os.path.join(FILES, "be-vietnam-pro-latin-400-normal.woff2")
VIETNAMESE = os.path.join(FILES, "be-vietnam-pro-vietnamese-400-normal.woff2")
TARGET = os.path.join(ROOT, "target/fonts/be-vietnam-pro-vi-400-normal.woff2")

VIETNAMESE_LATIN1 = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý"
PUNCTUATION = "\u00a0«»·×–—‘’“”…•€™−"
TEXT = "".join(chr(c) for c in range(0x20, 0x7F)) + VIETNAMESE_LATIN1 + PUNCTUATION



def up_to_date():
    if not os.path.exists(TARGET):
        return False
    built = os.path.getmtime(TARGET)
    return all(built > os.path.getmtime(f) for f in (SOURCE, VIETNAMESE, __file__))


def main():
    if up_to_date():
        return 0
    os.makedirs(os.path.dirname(TARGET), exist_ok=True)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga", "mark", "mkmk", "ccmp", "locl"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # keep the licence and names
    font = subset.load_font(SOURCE, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=TEXT)
    subsetter.subset(font)
    latin = TARGET + ".latin.ttf"
    font.flavor = None
    font.save(latin)
    merged = merge.Merger().merge([latin, VIETNAMESE])
    os.remove(latin)
    merged.flavor = "woff2"
    merged.save(TARGET + ".tmp")
    os.replace(TARGET + ".tmp", TARGET)
    return 0


if __name__ == "__main__":
    sys.exit(main())
