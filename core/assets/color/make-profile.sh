#!/usr/bin/env bash
# make-profile.sh — rebuild the report's sRGB output profile in this folder from Debian's
# icc-profiles-free.
#
# Why this exists: the dermatologist's PDF is built toward PDF/A-3, which asks for an output
# intent naming the colour space its device RGB colours mean; sRGB is what the report's palette
# (core/src/report/render/ops.rs) is chosen in. The profile is compiled into the mobile library,
# so the smallest freely licensed sRGB profile at hand is used: Little CMS's sRGB (ICC v2.3,
# 6,922 bytes, "no copyright, use freely"; Debian lists it under the zlib licence, see COPYING),
# kept here as is (sRGB.icc) and as the zlib stream the PDF embeds (sRGB.icc.zlib, 2.4 KB).
#
# Source: Debian 12 package icc-profiles-free 2.0.1+dfsg-1.1, file /usr/share/color/icc/sRGB.icc.
#
# Use: core/assets/color/make-profile.sh   (on Debian 12; downloads the package, installs nothing)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download -q icc-profiles-free >/dev/null && dpkg-deb -x icc-profiles-free_*.deb root)
cp "$work/root/usr/share/color/icc/sRGB.icc" "$here/sRGB.icc"
python3 -c 'import sys, zlib; sys.stdout.buffer.write(zlib.compress(open(sys.argv[1], "rb").read(), 9))' \
    "$here/sRGB.icc" > "$here/sRGB.icc.zlib"
ls -l "$here/sRGB.icc" "$here/sRGB.icc.zlib"
