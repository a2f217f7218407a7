#!/usr/bin/env bash
# Sets up everything the terminal and its tests need on a fresh Debian/Ubuntu machine:
# the Debian packages (as root, through sudo when not root), a virtualenv in .venv and the
# project installed into it. Safe to run again; it only does what is missing.
# Source it (". scripts/setup.sh") or run it.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HERE"

# Debian packages: run-time (PC/SC daemon, CJK font, Qt's X/EGL libraries) and build-time
# (pyscard compiles against libpcsclite with swig). vsmartcard-vpcd and socat are for the
# device tests' virtual card and serial ports; postgresql and haproxy for HQ tests.
# Qt's display plugins (xcb on an X desktop, wayland in the kiosk) load the system libraries
# listed in packaging/qt-runtime.packages (derived from ldd by scripts/qt-runtime-packages).
# xvfb and xdotool run the app on a real X server in the tests, as a store PC does.
mapfile -t QT_RUNTIME < <(grep -v '^#' packaging/qt-runtime.packages | grep .)
APT_PACKAGES=(
  python3 python3-venv python3-dev gcc swig pkg-config
  pcscd libpcsclite-dev vsmartcard-vpcd socat libusb-1.0-0
  fonts-wqy-microhei fontconfig
  "${QT_RUNTIME[@]}"
  xvfb xauth xdotool
  postgresql haproxy  # HQ tests: PostgreSQL; several HQ processes behind HAProxy
  chromium poppler-utils  # HQ back office: browser tests (Playwright), statement PDFs read back
  binutils systemd dpkg  # packaging tests: PyInstaller (objdump), systemd-analyze, dpkg-deb
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  # libfoo and its 64-bit-time rename libfoot64 (Debian 13, Ubuntu 24.04) are the same library
  { dpkg-query -W -f='${Status}\n' "$p" "${p}t64" 2>/dev/null || true; } \
    | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv" >&2
  "$PY" -m venv .venv
fi
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "setup: installing the project into .venv" >&2
  .venv/bin/pip install -q --disable-pip-version-check --upgrade pip >&2
  .venv/bin/pip install -q --disable-pip-version-check -e ".[dev]" >&2
  rm -f .venv/.installed-*
  touch "$stamp"
fi
