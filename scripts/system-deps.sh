#!/usr/bin/env bash
# Debian packages the tests need. Installs only what is missing, so a second run costs nothing.
set -euo pipefail
packages=(chromium chromium-driver poppler-utils libharfbuzz-subset0 fonts-liberation2 postgresql dovecot-imapd)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
