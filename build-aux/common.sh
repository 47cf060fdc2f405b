# common.sh — sourced by build-aux/run and build-aux/test: installs what is missing from
# Debian's packages, then configures and builds with meson. Safe to run again: a second run
# installs nothing and rebuilds only what changed.

set -euo pipefail

SOURCE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# What building and running need (Debian 12 package names). librsvg2-common draws the app's
# SVG icon (without it GTK shows "missing image": we install without recommends); xmllint
# (libxml2-utils) lets the build strip the UI files' blanks without a warning.
BUILD_PACKAGES=(
  meson ninja-build gcc pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev
  libjson-glib-dev libcairo2-dev libpango1.0-dev libpoppler-glib-dev
  desktop-file-utils appstream adwaita-icon-theme fonts-cantarell fonts-dejavu-core
  fonts-noto-core fonts-noto-cjk librsvg2-common libxml2-utils
)
# What the tests need on top: a headless X server, a private D-Bus session, xdotool to
# type into the window with real key presses, the locales' sources (the tests compile a
# British locale into the build folder to check dates written as "15/10/2026"), and the
# accessibility bus with its client library, to read the window as a screen reader does.
# Chromium runs the web questionnaire's test.
TEST_PACKAGES=(xvfb xauth dbus-daemon dbus-bin xdotool locales at-spi2-core libatspi2.0-dev chromium)

# Installs the named packages that are not installed yet, as root or through sudo.
ensure_packages () {
  local missing=()
  local package
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q '^install ok installed$'; then
      missing+=("$package")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  echo "Installing from Debian: ${missing[*]}"
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# The browser test's driver (playwright-core) and checker (axe-core), at the versions
# tests/browser/package-lock.json pins, from the npm registry; Node.js from Debian if the
# machine has none.
ensure_browser_test_modules () {
  command -v npm >/dev/null || ensure_packages nodejs npm
  local modules="$SOURCE_DIR/tests/browser/node_modules"
  if [ ! -f "$modules/.package-lock.json" ] ||
     [ "$SOURCE_DIR/tests/browser/package-lock.json" -nt "$modules/.package-lock.json" ]; then
    echo "Installing the browser test's modules from the npm registry"
    npm ci --prefix "$SOURCE_DIR/tests/browser" --no-audit --no-fund --loglevel=error
  fi
}

# Configures BUILD_DIR (once) with the given meson options, then builds it.
build () {
  local build_dir=$1
  shift
  if [ ! -f "$build_dir/build.ninja" ]; then
    meson setup "$build_dir" "$SOURCE_DIR" "$@"
  fi
  meson compile -C "$build_dir"
}
