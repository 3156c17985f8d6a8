#!/usr/bin/env bash
# Build the front-end assets into redress/core/static/frontend/ (git-ignored; `make assets`).
#
#   app.css                       assets/scss/app.scss compiled with npm sass (Arial, no GDS Transport)
#   govuk-frontend.min.js(.map)   from node_modules/govuk-frontend
#   moj-frontend.min.js(.map)     from node_modules/@ministryofjustice/frontend
#   init.js                       redress/core/static_src/init.js: calls both initAll()s
#   assets/images/                every image app.css refers to, plus the council favicon
#
# Needs only node_modules (npm ci); no network. Safe to run again: the stylesheet is recompiled
# only when its sources or the locked package versions are newer than the compiled file.
set -euo pipefail
cd "$(dirname "$0")/.."

GOVUK=node_modules/govuk-frontend/dist/govuk
MOJ=node_modules/@ministryofjustice/frontend/moj
SRC=redress/core/static_src
OUT=redress/core/static/frontend
SASS=node_modules/.bin/sass

for required in "$SASS" "$GOVUK/govuk-frontend.min.js" "$MOJ/moj-frontend.min.js"; do
  if [ ! -e "$required" ]; then
    echo "build-frontend: $required is missing; run 'npm ci' (or 'make assets')." >&2
    exit 1
  fi
done

mkdir -p "$OUT/assets/images"

# 1. Stylesheet. Written to a temporary file first so a running server never sees half a file.
stale=$(find assets/scss package-lock.json -newer "$OUT/app.css" -print -quit 2>/dev/null || echo yes)
if [ ! -s "$OUT/app.css" ] || [ -n "$stale" ]; then
  log=$(mktemp)
  trap 'rm -f "$log" "$OUT/app.css.tmp"' EXIT
  if ! "$SASS" --load-path=. --style=compressed --no-source-map --quiet-deps \
    assets/scss/app.scss "$OUT/app.css.tmp" 2>"$log"; then
    cat "$log" >&2
    exit 1
  fi
  # MoJ Frontend 11.1 still calls GOV.UK's deprecated `govuk-text-colour` mixin and forwards
  # GOV.UK Frontend with its own (empty) list of suppressed warnings, so that one warning
  # cannot be switched off from here. Show any other output.
  if grep -v -q -e 'govuk-text-colour' -e '^ \{4\}' -e '^$' "$log"; then
    cat "$log" >&2
  fi
  mv "$OUT/app.css.tmp" "$OUT/app.css"
  echo "build-frontend: compiled $OUT/app.css ($(wc -c <"$OUT/app.css") bytes)"
fi

# 2. JavaScript: both libraries are ES modules; init.js imports them by relative path.
cp "$GOVUK/govuk-frontend.min.js" "$GOVUK/govuk-frontend.min.js.map" "$OUT/"
cp "$MOJ/moj-frontend.min.js" "$MOJ/moj-frontend.min.js.map" "$OUT/"
cp "$SRC/init.js" "$OUT/init.js"

# 3. Images. Copy exactly what app.css refers to (the manifest storage refuses a missing one),
# taking each from GOV.UK Frontend or MoJ Frontend; then the council favicon (no crown).
grep -o 'url([^)]*)' "$OUT/app.css" | sed -E 's/^url\(["'\'']?//; s/["'\'']?\)$//' | sort -u |
  while read -r ref; do
    name=${ref#assets/images/}
    if [ -e "$GOVUK/assets/images/$name" ]; then
      cp "$GOVUK/assets/images/$name" "$OUT/assets/images/"
    elif [ -e "$MOJ/assets/images/$name" ]; then
      cp "$MOJ/assets/images/$name" "$OUT/assets/images/"
    else
      echo "build-frontend: app.css refers to $ref, which neither package provides" >&2
      exit 1
    fi
  done
cp "$SRC/favicon.svg" "$OUT/assets/images/favicon.svg"

echo "build-frontend: $OUT is up to date"
