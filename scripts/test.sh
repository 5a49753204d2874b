#!/usr/bin/env bash
# The one test command, for developers and CI alike (.ci/run runs it):
#   bash scripts/test.sh [PYTEST ARGS...]
# 1. creates .venv if missing and installs the project with its test extra;
# 2. installs the PostgreSQL server from Debian's packages when its binaries are missing and this
#    runs as root with apt-get (otherwise the PostgreSQL tests are skipped, saying why, unless the
#    CI variable is set: then they fail); the tests start a throwaway server of their own;
# 3. installs Chromium and its WebDriver (Debian's chromium and chromium-driver) the same way for
#    the browser tests of the page (tests/browser, Selenium; skipped without them unless CI is set);
# 4. runs pytest with the arguments given, and exits with its status (5, "no tests ran", fails too).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -e '.[test]'

if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "scripts/test.sh: installing the PostgreSQL server from Debian's packages" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "scripts/test.sh: no PostgreSQL server under /usr/lib/postgresql and not root with" \
      "apt-get: the PostgreSQL store tests will be skipped (install Debian's postgresql package" \
      "to run them)" >&2
  fi
fi

if ! command -v chromedriver >/dev/null || ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "scripts/test.sh: installing Chromium and chromedriver from Debian's packages" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "scripts/test.sh: no chromium or chromedriver and not root with apt-get: the browser" \
      "tests will be skipped (install Debian's chromium and chromium-driver to run them)" >&2
  fi
fi

exec .venv/bin/python -m pytest "$@"
