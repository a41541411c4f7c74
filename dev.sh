#!/usr/bin/env bash
# One entry point for a newcomer on Debian (README): sets up what is missing, then runs.
#   ./dev.sh demo   set up, fill a demo data folder (demo-data/) once and open the program on it
#   ./dev.sh test   set up, run the whole test suite headless
#   ./dev.sh setup  only set up (system packages with apt-get, the .venv with the project)
#   ./dev.sh forms         compile forms/*.ui into app/ui/forms/ (after editing a form in Qt Designer)
#   ./dev.sh screenshots   docs/screenshots/ of the desktop program under Xvfb (100 % and 125 %)
#   ./dev.sh translations  collect new strings into i18n/tnld_vi.ts and compile it (translate the unfinished ones)
#   ./dev.sh build         the one-folder program in dist/TNLD/ (PyInstaller; packaging/build.py)
# Idempotent: a second run installs nothing and reuses .venv.
set -euo pipefail
cd "$(dirname "$0")"
export LANG=C.UTF-8 LC_ALL=C.UTF-8

# Python, and what Qt needs on a bare Debian, offscreen and under X (checked with ldd on Qt's plugins);
# xvfb for screenshots, poppler-utils to read PDFs back, Liberation fonts (Times New Roman metrics); for the build
# (packaging/build.py): zlib's headers to compile PyInstaller's bootloader, ICU's tools to reduce its data.
APT_PACKAGES=(
  python3 python3-venv python3-dev gcc
  libglib2.0-0 libgl1 libegl1 libopengl0 libdbus-1-3 libfontconfig1 libfreetype6 fontconfig
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xfixes0 libxcb-xkb1 libxcb-sync1 libxcb-shm0
  xvfb xauth poppler-utils fonts-liberation2
  zlib1g-dev icu-devtools binutils
)

setup_system() {
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing system packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

setup_python() {
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  # Reinstall only when pyproject.toml changed since the last install.
  if [ ! -f .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e '.[dev]'
    touch .venv/.installed
  fi
}

setup() {
  setup_system
  setup_python
}

# Qt Designer forms (forms/*.ui) compiled to app/ui/forms/ui_*.py, which are committed (STYLE § 5).
compile_forms() {
  for ui in forms/*.ui; do
    [ -e "$ui" ] || continue
    .venv/bin/pyside6-uic "$ui" -o "app/ui/forms/ui_$(basename "${ui%.ui}").py"
  done
}

case "${1:-}" in
  setup)
    setup
    ;;
  forms)
    setup_python
    compile_forms
    ;;
  screenshots)
    # docs/screenshots/*.png: the main windows in Vietnamese on a 1366×768 screen, at 100 % and 125 % scaling.
    setup
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tests/gui/screenshots.py docs/screenshots ""
    QT_SCALE_FACTOR=1.25 xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tests/gui/screenshots.py docs/screenshots -125
    ;;
  translations)
    # Every string of app/ and of the Designer forms into i18n/tnld_vi.ts (new ones unfinished), then the .qm.
    setup_python
    .venv/bin/pyside6-lupdate $(find app -name '*.py' | sort) forms/*.ui -ts i18n/tnld_vi.ts -locations relative -no-obsolete
    .venv/bin/pyside6-lrelease i18n/tnld_vi.ts -qm i18n/tnld_vi.qm
    ;;
  build)
    setup
    .venv/bin/python packaging/build.py "${@:2}"
    ;;
  demo)
    setup
    export TNLD_PASSWORD="${TNLD_PASSWORD:-demo-password}"
    if [ ! -f demo-data/keys.json ]; then  # fill it once; later runs open what is there (and what you added)
      .venv/bin/tnld --data-dir demo-data demo --count "${DEMO_COUNT:-120}"
    fi
    echo "Demo data folder: demo-data/ (user admin, password ${TNLD_PASSWORD})."
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      echo "No display to open the program on; the command line works:"
      echo "  TNLD_PASSWORD=${TNLD_PASSWORD} .venv/bin/tnld --data-dir demo-data list --search 'nga cao'"
      exit 0
    fi
    unset TNLD_PASSWORD  # the program asks for it in its login window
    exec .venv/bin/tnld-gui --data-dir demo-data
    ;;
  test)
    setup
    export QT_QPA_PLATFORM=offscreen
    status=0
    .venv/bin/python -m pytest "${@:2}" || status=$?
    if [ "$status" -eq 5 ]; then
      echo "pytest collected no test: that is a failure here." >&2
    fi
    exit "$status"
    ;;
  *)
    echo "usage: ./dev.sh demo | test [pytest arguments] | setup | build | forms | translations | screenshots" >&2
    exit 2
    ;;
esac
