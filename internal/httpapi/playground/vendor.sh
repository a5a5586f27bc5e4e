#!/usr/bin/env bash
# Refreshes the playground's vendored assets from npm (pinned versions below): GraphiQL and
# React's browser builds, gzipped, with their licences. The result is committed, so building
# and running Flowline never needs the network. Run from anywhere: bash vendor.sh
set -euo pipefail
cd "$(dirname "$0")"
GRAPHIQL=3.8.3 REACT=18.3.1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error \
  "graphiql@$GRAPHIQL" "react@$REACT" "react-dom@$REACT")
m="$work/node_modules"
rm -f assets/*.gz
for f in "$m/graphiql/graphiql.min.js" "$m/graphiql/graphiql.min.css" \
         "$m/react/umd/react.production.min.js" "$m/react-dom/umd/react-dom.production.min.js"; do
  gzip -9 -n -c "$f" > "assets/$(basename "$f").gz"
done
{
  echo "Third-party code served by the playground (internal/httpapi/playground/assets)."
  for p in graphiql react react-dom; do
    echo; echo "== $p $(node -p "require('$m/$p/package.json').version") =="; echo
    cat "$m/$p/LICENSE"
  done
} > LICENSES
