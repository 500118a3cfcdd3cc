"""Trunk pre-build hook: cuts the Latin file of Be Vietnam Pro (from the @fontsource npm
package) down to what Vietnamese text uses: ASCII, the Latin-1 letters of the Vietnamese
alphabet, and common punctuation. fontsource's Latin file also carries Latin-1 letters
Vietnamese never uses (ñ, ß, Æ, ...); without them the tablet's first load is ~9 KB lighter.
The Vietnamese file (ă â đ ê ô ơ ư and every letter with a tone mark) is shipped whole.

Writes target/fonts/be-vietnam-pro-latin-vi-400-normal.woff2, only when it is out of date.
"""

import os
import sys

from fontTools import subset

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(
    ROOT, "node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff2"
)
TARGET = os.path.join(ROOT, "target/fonts/be-vietnam-pro-latin-vi-400-normal.woff2")

VIETNAMESE_LATIN1 = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý"
PUNCTUATION = "\u00a0«»·×–—‘’“”…•€™−"
TEXT = "".join(chr(c) for c in range(0x20, 0x7F)) + VIETNAMESE_LATIN1 + PUNCTUATION

# The unicode-range style/fonts.css must declare for this file.
UNICODE_RANGE = "U+0020-007E, U+00A0, U+00AB, U+00B7, U+00BB, U+00C0-00C3, U+00C8-00CA, " \
    "U+00CC-00CD, U+00D2-00D5, U+00D7, U+00D9-00DA, U+00DD, U+00E0-00E3, U+00E8-00EA, " \
    "U+00EC-00ED, U+00F2-00F5, U+00F9-00FA, U+00FD, U+2013-2014, U+2018-2019, U+201C-201D, " \
    "U+2022, U+2026, U+20AC, U+2122, U+2212"


def up_to_date():
    if not os.path.exists(TARGET):
        return False
    built = os.path.getmtime(TARGET)
    return built > os.path.getmtime(SOURCE) and built > os.path.getmtime(__file__)


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
    subset.save_font(font, TARGET + ".tmp", options)
    os.replace(TARGET + ".tmp", TARGET)
    return 0


if __name__ == "__main__":
    sys.exit(main())
