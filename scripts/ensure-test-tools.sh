#!/usr/bin/env bash
# The programs the tests drive besides Node (architecture.md §13): Debian's headless Chromium for the
# accessibility tests of the web pages, and poppler's pdftotext/pdffonts/pdfinfo to read the
# protocol PDFs back. Installed with apt-get when missing (as root, or through sudo); nothing is
# downloaded from elsewhere.
set -euo pipefail

missing=()
if ! dpkg -s chromium-headless-shell >/dev/null 2>&1; then missing+=(chromium-headless-shell); fi
if ! command -v pdftotext >/dev/null 2>&1; then missing+=(poppler-utils); fi
if [ "${#missing[@]}" -eq 0 ]; then exit 0; fi

as_root=()
if [ "$(id -u)" != "0" ]; then as_root=(sudo); fi
echo "tests: installing ${missing[*]} (Debian packages)" >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2
