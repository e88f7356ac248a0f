#!/usr/bin/env bash
# Integration layer: installs this checkout into an existing bench's test site and runs
#   bench --site $KINERJA_SITE run-tests --app kinerja_asn
# plus HRMS's own performance tests, so that no change of ours breaks HRMS.
# Never builds a bench: without one it prints a SKIPPED line and exits 10 (./dev reports the layer skipped).
# Starts MariaDB and the bench's Redis when they are not running, and stops what it started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="${KINERJA_BENCH:-/root/frappe-bench}"
SITE="${KINERJA_SITE:-kinerja.test}"
HRMS_DOCTYPES=("Appraisal Cycle" "Appraisal" "Appraisal Template" "Employee Performance Feedback" "Goal")

if [ ! -x "$BENCH/env/bin/python" ] || [ ! -d "$BENCH/apps/hrms" ] || [ ! -d "$BENCH/sites/$SITE" ]; then
	echo "SKIPPED: integration layer: no bench with HRMS and site '$SITE' at $BENCH (set KINERJA_BENCH / KINERJA_SITE)"
	exit 10
fi
command -v bench >/dev/null || { echo "FAIL: bench CLI not on PATH (pip install frappe-bench)"; exit 1; }

started=()
cleanup() {
	for service in "${started[@]}"; do
		case "$service" in
			mariadb) service mariadb stop >/dev/null 2>&1 || true ;;
			redis:*) redis-cli -p "${service#redis:}" shutdown nosave >/dev/null 2>&1 || true ;;
		esac
	done
}
trap cleanup EXIT

if ! mysqladmin ping >/dev/null 2>&1; then
	echo "== starting MariaDB"
	service mariadb start >/dev/null
	started+=(mariadb)
fi
for conf in redis_cache redis_queue; do
	port=$(awk '/^port/ {print $2}' "$BENCH/config/$conf.conf")
	if ! redis-cli -p "$port" ping >/dev/null 2>&1; then
		echo "== starting $conf on port $port"
		redis-server "$BENCH/config/$conf.conf" --daemonize yes >/dev/null
		started+=("redis:$port")
	fi
done

# This checkout becomes the bench's kinerja_asn app (a copy, so the bench never points at a deleted clone).
APP="$BENCH/apps/kinerja_asn"
if [ "$(cd "$APP" 2>/dev/null && pwd -P)" != "$(cd "$ROOT" && pwd -P)" ]; then
	mkdir -p "$APP"
	rsync -a --delete --exclude .venv --exclude out --exclude __pycache__ "$ROOT/" "$APP/"
fi
# pdftotext (poppler-utils): the print-format tests read the PDFs Frappe prints
if ! command -v pdftotext >/dev/null; then
	apt-get install -y -qq poppler-utils >/dev/null 2>&1 \
		|| { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq poppler-utils >/dev/null 2>&1; } \
		|| echo "warning: poppler-utils could not be installed: the print-format tests will be skipped"
fi
# freezegun: a Frappe dev dependency our reminder tests need (frozen clock)
"$BENCH/env/bin/python" -c "import freezegun" 2>/dev/null || "$BENCH/env/bin/pip" install -q "freezegun~=1.2.2"
# (from /: Python would otherwise import this checkout from the current directory)
if ! (cd / && "$BENCH/env/bin/python" -c "import kinerja_asn" 2>/dev/null); then
	"$BENCH/env/bin/pip" install --quiet --no-deps -e "$APP"
fi
if ! grep -qx kinerja_asn "$BENCH/sites/apps.txt"; then
	printf '\nkinerja_asn\n' >> "$BENCH/sites/apps.txt"
	sed -i '/^$/d' "$BENCH/sites/apps.txt"
	# Frappe caches each site's app modules in Redis: a stale list makes install-app skip our doctypes
	(cd "$BENCH" && bench --site all clear-cache >/dev/null)
fi

cd "$BENCH"
bench --site "$SITE" set-config allow_tests true >/dev/null
# (`list-apps` reads a list that only migrate refreshes; ask the site itself)
installed=$(bench --site "$SITE" execute frappe.get_installed_apps 2>/dev/null || true)
if ! grep -q '"kinerja_asn"' <<<"$installed"; then
	echo "== install-app kinerja_asn on $SITE"
	bench --site "$SITE" install-app kinerja_asn 2>&1 | tr '\r' '\n' | { grep -v -e '^Updating DocTypes' -e '^$' || true; }
fi
echo "== migrate $SITE"
bench --site "$SITE" migrate 2>&1 | tr '\r' '\n' | { grep -v -e '^Updating DocTypes' -e '^$' || true; }
bench build --app kinerja_asn >/dev/null 2>&1 || echo "warning: bench build --app kinerja_asn failed (assets)"

echo "== bench --site $SITE run-tests --app kinerja_asn"
CI=true bench --site "$SITE" run-tests --app kinerja_asn  # (Frappe 15 exits non-zero on failures only under CI)
for doctype in "${HRMS_DOCTYPES[@]}"; do
	echo "== HRMS regression: run-tests --doctype \"$doctype\""
	CI=true bench --site "$SITE" run-tests --doctype "$doctype"
done
BROWSER_SITE="${KINERJA_BROWSER_SITE:-demo.test}"
if [ -x "$ROOT/.venv/bin/python" ] && [ -d "$BENCH/sites/$BROWSER_SITE" ]; then
	echo "== served-site tests (security attack suite, concurrency, portal in Chromium) on $BROWSER_SITE"
	bench --site "$BROWSER_SITE" migrate 2>&1 | tr '\r' '\n' | { grep -v -e '^Updating DocTypes' -e '^$' || true; }
	# the concurrency test makes 50 rater users at once: above Frappe's default of 60 new users an hour
	bench --site "$BROWSER_SITE" set-config --parse throttle_user_limit 500 >/dev/null
	KINERJA_BENCH="$BENCH" "$ROOT/.venv/bin/python" -m pytest -p no:cacheprovider -p no:benchmark -q "$ROOT/tests/served"
else
	echo "SKIPPED: served-site tests: no site $BROWSER_SITE with the demo agency in $BENCH (bench --site $BROWSER_SITE kinerja-asn-demo --with-feedback --password …)"
fi
echo "integration layer: passed"
