#!/usr/bin/env bash
# pdf-tools.sh — install the tools the Rust tests check the dermatologist's PDF with.
#
# Why this exists: core/tests/pdf_report.rs checks the PDF with real tools, never with our own
# parser: `qpdf --check` (Debian package qpdf) for structure, and poppler's `pdftotext`, `pdfinfo`
# and `pdftoppm` (package poppler-utils) for the text layer, page sizes and rendering. A missing
# tool makes those tests fail, so tests/run calls this first.
#
# Idempotent and quiet: does nothing (and prints nothing) when the tools are present; otherwise
# installs them with apt-get (as root on Debian 12). Failure: non-zero exit with a message on stderr.
set -euo pipefail

readonly TOOLS=(qpdf pdftotext pdfinfo pdftoppm)
readonly APT_PACKAGES=(qpdf poppler-utils)

missing=()
for tool in "${TOOLS[@]}"; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
(( ${#missing[@]} == 0 )) && exit 0

echo "pdf-tools.sh: installing ${APT_PACKAGES[*]} (missing: ${missing[*]})" >&2
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${APT_PACKAGES[@]}"; } >/dev/null; then
    echo "pdf-tools.sh: FAILED to install ${APT_PACKAGES[*]} with apt-get" >&2
    exit 1
fi
for tool in "${TOOLS[@]}"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "pdf-tools.sh: $tool still missing after install" >&2; exit 1; }
done
