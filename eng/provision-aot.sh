#!/usr/bin/env bash
# Provisions the native toolchain NativeAOT links with, without changing the system: Debian 12's
# clang 14 (clang-14, libclang-cpp14, libllvm14, libclang-common-14-dev) and zlib1g-dev, unpacked
# with `dpkg -x` into .tools/clang, plus a wrapper .tools/clang/bin/clang that finds their
# libraries. The system's binutils (ld, objcopy) and GCC runtime files are used as they are.
# Idempotent. Prints the wrapper's path, for -p:CppCompilerAndLinker=...
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/.tools"
die() { printf 'provision-aot: %s\n' "$*" >&2; exit 1; }
# shellcheck source=eng/apt-private.sh
. "$root/eng/apt-private.sh"

target="$tools/clang"
wrapper="$target/bin/clang"
if [ ! -x "$wrapper" ]; then
  command -v ld >/dev/null || die "ld is required (Debian package binutils)"
  command -v objcopy >/dev/null || die "objcopy is required (Debian package binutils)"
  ls /usr/lib/gcc/x86_64-linux-gnu/*/crtbegin.o >/dev/null 2>&1 || die "GCC's runtime files are required (Debian package libgcc-12-dev)"
  rm -rf "$target.partial"
  mkdir -p "$target.partial/bin" "$tools/clang-debs"
  for package in clang-14 libclang-cpp14 libllvm14 libclang-common-14-dev zlib1g-dev; do
    apt_unpack "$package" bookworm "$tools/clang-debs/$package"
    cp -a "$tools/clang-debs/$package/." "$target.partial/"
  done
  rm -rf "$tools/clang-debs"
  cat >"$target.partial/bin/clang" <<'WRAPPER'
#!/bin/sh
# clang 14 unpacked from Debian packages: its libraries and zlib live beside it.
root=$(cd "$(dirname "$0")/.." && pwd)
lib="$root/usr/lib/x86_64-linux-gnu"
LD_LIBRARY_PATH="$lib:$root/usr/lib/llvm-14/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
  exec "$root/usr/lib/llvm-14/bin/clang" -L"$lib" -Wno-unused-command-line-argument "$@"
WRAPPER
  chmod +x "$target.partial/bin/clang"
  rm -rf "$target"
  mv "$target.partial" "$target"
  "$wrapper" --version | grep -q "clang version 14" || die "the unpacked clang does not run"
fi

printf '%s\n' "$wrapper"
