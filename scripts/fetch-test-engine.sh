#!/usr/bin/env bash
# Fetches a second Docker engine for the test harness (WHARF_TEST_ENGINE=26.1) without installing anything:
# Debian 13's docker.io (dockerd 26.1), docker-compose (Compose v2) and docker-buildx, by package name from the same
# Debian archive the machine already uses, unpacked with dpkg -x into a cache folder. The system's packages stay.
# Usage: scripts/fetch-test-engine.sh [CACHE_DIR]   (default: $WHARF_ENGINE_CACHE or /var/cache/wharf-test-engines)
set -euo pipefail
cache="${1:-${WHARF_ENGINE_CACHE:-/var/cache/wharf-test-engines}}/trixie"
if [ -x "$cache/root/usr/sbin/dockerd" ]; then
  echo "fetch-test-engine: $("$cache/root/usr/sbin/dockerd" --version) already in $cache"
  exit 0
fi
# The archive this machine uses (deb822 or one-line sources), else Debian's own.
archive=$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | grep -v security | head -n1 || true)
[ -n "$archive" ] || archive=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }' /etc/apt/sources.list 2>/dev/null || true)
[ -n "$archive" ] || archive=http://deb.debian.org/debian
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/debs"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $archive trixie main" > "$work/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$work/lists"
  -o "Dir::Cache=$work/cache" -o APT::Sandbox::User=root)
apt-get "${apt_opts[@]}" -qq update
(cd "$work/debs" && apt-get "${apt_opts[@]}" -qq download docker.io docker-compose docker-buildx)
mkdir -p "$cache.part/root"
for deb in "$work/debs"/*.deb; do dpkg -x "$deb" "$cache.part/root"; done
rm -rf "$cache" && mv "$cache.part" "$cache"
echo "fetch-test-engine: $("$cache/root/usr/sbin/dockerd" --version) in $cache"
