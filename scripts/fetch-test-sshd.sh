#!/usr/bin/env bash
# Fetches OpenSSH's server for the test harness's ssh:// engine without installing it (installing would start a
# system sshd on port 22): Debian's openssh-server, by package name from the archive the machine already uses,
# unpacked with dpkg -x into a cache folder. What sshd needs at run time and the machine lacks (libwrap0) is
# installed by .ci/run; the harness starts sshd on 127.0.0.1 with its own config and host keys.
# Usage: scripts/fetch-test-sshd.sh [CACHE_DIR]   (default: $WHARF_SSHD_CACHE or /var/cache/wharf-test-sshd)
set -euo pipefail
cache="${1:-${WHARF_SSHD_CACHE:-/var/cache/wharf-test-sshd}}"
if [ -x "$cache/root/usr/sbin/sshd" ]; then
  echo "fetch-test-sshd: $(basename "$(ls "$cache"/*.deb 2>/dev/null | head -n1)" .deb) already in $cache"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The machine's own package lists; a fresh machine may have none yet.
(cd "$work" && apt-get -qq download openssh-server 2>/dev/null) || { apt-get update -qq && (cd "$work" && apt-get -qq download openssh-server); }
mkdir -p "$cache.part/root"
cp "$work"/*.deb "$cache.part/"
dpkg -x "$work"/openssh-server_*.deb "$cache.part/root"
rm -rf "$cache" && mv "$cache.part" "$cache"
echo "fetch-test-sshd: $(basename "$(ls "$cache"/*.deb | head -n1)" .deb) in $cache"
