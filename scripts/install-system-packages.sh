#!/usr/bin/env bash
# The Debian/Ubuntu packages the app and its tests use beyond Python's own (run as root):
#   Qt's xcb platform plugin libraries (a bare Debian/Ubuntu lacks libxcb-cursor0 and friends),
#   Tesseract with English, Russian and simplified Chinese data (OCR of scanned sources),
#   LibreOffice Writer and poppler-utils (the Word export's round-trip tests).
# Only what is missing is installed, so a second run costs a few dpkg queries.
# `--qt-only`: just what the app's window needs (the README's step 0 on a fresh machine).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
qt_packages=(
  libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libegl1 libgl1
  libfontconfig1 libdbus-1-3 fonts-liberation
)
packages=("${qt_packages[@]}")
if [ "${1:-}" != "--qt-only" ]; then
  packages+=(
    tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus tesseract-ocr-chi-sim
    libreoffice-writer poppler-utils fonts-noto-cjk
  )
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
