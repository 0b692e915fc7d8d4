#!/usr/bin/env bash
# Set up samenkaart on Debian 12: install the packages it needs, build it, render the demo map.
#   bash setup.sh            # as root, or with sudo available
# Afterwards: build/samenkaart render --help;  tests: meson test -C build --print-errorlogs
set -euo pipefail
cd "$(dirname "$0")"

packages=(
  build-essential meson ninja-build pkg-config
  libgdal-dev libcairo2-dev libpango1.0-dev libglib2.0-dev libpng-dev zlib1g-dev
  fonts-dejavu-core            # the style's fixed font: byte-identical PNGs
  gdal-bin poppler-utils       # ogr2ogr / ogrinfo and pdftoppm, for looking at results
  postgresql postgresql-15-postgis-3   # the PostGIS test runs a throw-away server
  locales                      # nl_NL.UTF-8 for the locale test
  strace                       # the standalone test watches which files the command opens
)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The locale test renders under nl_NL.UTF-8 (decimal comma) and fails without it.
if ! locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$'; then
  $sudo sed -i 's/^# *nl_NL.UTF-8/nl_NL.UTF-8/' /etc/locale.gen
  $sudo locale-gen
fi

if [ -d build ]; then
  meson setup --reconfigure build -Dwerror=true -Dfault_injection=true
else
  meson setup build -Dwerror=true -Dfault_injection=true
fi
ninja -C build

# The demo map, from data/nl2017 (the built-in default data, in this repository).
build/samenkaart render --where inhoudelijk=jeugd --show samenwerkingsvorm \
  --output demo.png --classes-csv demo.csv
echo "demo map written: demo.png (+ demo.pgw, demo.csv)"
