#!/usr/bin/env bash
# make-subset.sh — rebuild the report font subsets in this folder from Debian's Noto Sans.
#
# Why this exists: the dermatologist's PDF must show whatever the user typed in Latin, Greek or
# Cyrillic script, and the font is compiled into the mobile library, whose size matters (it must
# stay under 3 MB; a second, bold face did not fit, so bold is drawn by stroking the regular one).
# The full Noto Sans file is about 500 KB; this subset keeps only those scripts (plus punctuation,
# symbols the report itself uses, and a visible box for the missing-glyph `.notdef`), without
# hinting or OpenType layout tables (the report places glyphs itself; see
# core/src/report/render/fonts.rs). The PDF embeds these files whole.
#
# Source: Debian 12 package fonts-noto-core 20201225-1 (SIL Open Font License 1.1, see OFL.txt);
# tool: fontTools' pyftsubset from PyPI, pinned below, in a throwaway virtualenv.
# Not covered (drawn as the replacement mark U+FFFD, text layer intact): CJK, Arabic, Hebrew, Devanagari, Thai and
# every other script outside the ranges below, and emoji.
#
# Use: core/assets/fonts/make-subset.sh   (as root on Debian 12; installs what it needs)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly FONTTOOLS_VERSION="4.68.0"
readonly SRC=/usr/share/fonts/truetype/noto
readonly VENV="${ROLLSAFE_CACHE:-$HOME/.cache/rollsafe}/fonttools-$FONTTOOLS_VERSION"

if [[ ! -f "$SRC/NotoSans-Regular.ttf" ]]; then
    apt-get install -y -q fonts-noto-core python3-venv >/dev/null
fi
if [[ ! -x "$VENV/bin/pyftsubset" ]]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q "fonttools==$FONTTOOLS_VERSION"
fi

# Latin (Basic, Latin-1, Extended-A/B, IPA-free Extended Additional), combining diacritics,
# Greek and Coptic, Greek Extended, Cyrillic and its Supplement, general punctuation, super- and
# subscripts, currency, letterlike symbols (№, ℃), arrows, ≤ ≥ − ×, and U+FFFD.
readonly UNICODES="U+0020-007E,U+00A0-024F,U+0300-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+1F00-1FFF,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2212,U+2264-2265,U+FFFD"

for style in Regular; do
    "$VENV/bin/pyftsubset" "$SRC/NotoSans-$style.ttf" \
        --unicodes="$UNICODES" \
        --no-hinting \
        --layout-features='' \
        --drop-tables+=GSUB,GPOS,GDEF,DSIG \
        --notdef-outline \
        --name-IDs='0,1,2,3,4,5,6,13,14' \
        --output-file="$here/NotoSans-$style-subset.ttf"
    # The library embeds the zlib stream: the PDF carries it as is (FlateDecode), and the
    # report inflates it once per report to read the glyph map.
    python3 -c 'import sys, zlib; sys.stdout.buffer.write(zlib.compress(open(sys.argv[1], "rb").read(), 9))' \
        "$here/NotoSans-$style-subset.ttf" > "$here/NotoSans-$style-subset.ttf.zlib"
done
ls -l "$here"/NotoSans-*
