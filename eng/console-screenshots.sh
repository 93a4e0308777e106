#!/usr/bin/env bash
# Regenerates the web console's screenshots in docs/images/console (linked from README.md and the web API sample's
# README): the browser tests take them as they click through the console, in headless Chromium at 1280x900, on the
# demo tree of their fixture (markup, quotes and a newline in file names included).
#
# Usage: eng/console-screenshots.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
eng/provision-restic.sh
eng/provision-browser.sh
binary=$(eng/provision-restic.sh --print | awk -F '\t' 'NR == 1 { print $2 }')
version=$(eng/provision-restic.sh --print | awk -F '\t' 'NR == 1 { print $1 }')
out="$root/docs/images/console"
rm -rf "$out"
dotnet build tests/Restic.Net.Samples.WebApi.BrowserTests -c Release -nologo -clp:NoSummary >/dev/null
RESTIC_NET_TEST_TOOLS="$root/.tools" RESTIC_NET_TEST_RESTIC="$binary" RESTIC_NET_TEST_RESTIC_VERSION="$version" \
  RESTIC_NET_CONSOLE_SCREENSHOTS="$out" \
  dotnet test tests/Restic.Net.Samples.WebApi.BrowserTests -c Release --no-build -nologo
ls "$out"
