#!/usr/bin/env bash
# The Debian/Ubuntu packages the app and its tests need beyond Python's own (run as root):
#   the app (`--app`): Python's venv module (a bare Debian/Ubuntu lacks it), the libraries Qt's
#   xcb window needs (libxcb-cursor0 and friends), and Tesseract with English, Russian and
#   simplified Chinese data for scanned sources;
#   the tests too (no option): LibreOffice Writer and poppler-utils for the Word export's
#   round trip, and CJK fonts for the OCR tests' images.
# Only what is missing is installed, so a second run costs a few dpkg queries.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
app_packages=(
  python3-venv
  libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libegl1 libgl1
  libfontconfig1 libdbus-1-3 fonts-liberation
  tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus tesseract-ocr-chi-sim
)
packages=("${app_packages[@]}")
if [ "${1:-}" != "--app" ]; then
  packages+=(libreoffice-writer poppler-utils fonts-noto-cjk)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
