#!/usr/bin/env bash
# Provisions what the web console's browser tests need, without changing the system:
#   .tools/chromium/usr/lib/chromium/{chromium,chromedriver}   Debian 12's Chromium and its matched ChromeDriver, with the
#                                                              libraries this machine lacks in .tools/chromium/usr/lib/x86_64-linux-gnu
#   .tools/axe-core/node_modules/axe-core/axe.min.js            axe-core (npm), injected into pages by the accessibility test
# Nothing downloads a browser at run time (Selenium Manager and Playwright's installer cannot reach their hosts here).
# Chromium is a security-updated package: it comes from bookworm-security, whose mirror is read from this machine's
# apt sources like the main one (eng/apt-private.sh). Its dependencies are resolved against the packages installed
# on this machine, and only the missing ones are unpacked. Idempotent.
#
# Usage: eng/provision-browser.sh
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/.tools"
die() { printf 'provision-browser: %s\n' "$*" >&2; exit 1; }
# shellcheck source=eng/apt-private.sh
. "$root/eng/apt-private.sh"

chromium="$tools/chromium"
libs="$chromium/usr/lib/x86_64-linux-gnu:$chromium/usr/lib/x86_64-linux-gnu/pulseaudio"

# The bookworm-security mirror of this machine's apt sources (deb822 or one-line), else the main mirror's sibling.
find_security_mirror() {
  local f uri=""
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(awk '
      /^[[:space:]]*$/ { if (uri != "" && security) { print uri; exit } uri=""; security=0; next }
      /^URIs:/ { uri=$2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i ~ /^bookworm-security$/) security=1 }
      END { if (uri != "" && security) print uri }' "$f" | head -n 1)
    [ -n "$uri" ] && break
  done
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1 == "deb" && $3 == "bookworm-security" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list | head -n 1)
  fi
  if [ -z "$uri" ]; then
    uri="$(find_mirror)-security"
  fi
  printf '%s' "${uri%/}"
}

if [ ! -f "$chromium/.complete" ]; then
  command -v apt-get >/dev/null || die "apt-get is required (Debian or a derivative)"
  keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  [ -f "$keyring" ] || die "$keyring is missing: install debian-archive-keyring"
  dir="$tools/apt-browser"
  rm -rf "$dir" "$chromium.partial"
  mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial" "$dir/sources.list.d" "$chromium.partial"
  printf 'deb [signed-by=%s] %s bookworm main\ndeb [signed-by=%s] %s bookworm-security main\n' \
    "$keyring" "$(find_mirror)" "$keyring" "$(find_security_mirror)" >"$dir/sources.list"
  # The machine's own package status, read only: apt then fetches just what is not installed.
  browser_apt() {
    apt-get -o Dir::Etc::SourceList="$dir/sources.list" -o Dir::Etc::SourceParts="$dir/sources.list.d" \
      -o Dir::State::Lists="$dir/lists" -o Dir::State::Status=/var/lib/dpkg/status -o Dir::Cache="$dir/cache" \
      -o Debug::NoLocking=1 -o APT::Sandbox::User=root "$@"
  }
  echo "provision: fetching chromium and chromium-driver (bookworm-security) with the libraries this machine lacks" >&2
  browser_apt -qq update >&2 || die "apt-get update failed for the mirrors read from this machine's apt sources"
  browser_apt -qq -y --download-only --no-install-recommends install chromium chromium-driver >&2 \
    || die "downloading chromium and chromium-driver failed"
  for deb in "$dir"/cache/archives/*.deb; do
    dpkg -x "$deb" "$chromium.partial"
  done
  rm -rf "$chromium" "$dir"
  mv "$chromium.partial" "$chromium"
  touch "$chromium/.complete"
fi
LD_LIBRARY_PATH="$libs" "$chromium/usr/lib/chromium/chromium" --headless=new --no-sandbox --version 2>/dev/null | grep -q Chromium \
  || die "the unpacked chromium does not run"
LD_LIBRARY_PATH="$libs" "$chromium/usr/lib/chromium/chromedriver" --version | grep -q ChromeDriver \
  || die "the unpacked chromedriver does not run"

# axe-core from npm: the accessibility engine the tests inject into each page.
if [ ! -f "$tools/axe-core/node_modules/axe-core/axe.min.js" ]; then
  command -v npm >/dev/null || die "npm (and node) are required for the accessibility tests (axe-core)"
  echo "provision: installing axe-core from npm" >&2
  rm -rf "$tools/axe-core.partial"
  npm install --no-audit --no-fund --silent --prefix "$tools/axe-core.partial" axe-core@4.14.1 >&2 || die "npm install axe-core@4.14.1 failed"
  rm -rf "$tools/axe-core"
  mv "$tools/axe-core.partial" "$tools/axe-core"
fi
