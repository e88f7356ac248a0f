"""Tests against a served bench site: the portal in a browser (test_portal_flow.py, Chromium + chromedriver,
headless) and the security attack suite over plain HTTP (test_security.py).

	KINERJA_BENCH=/root/frappe-bench .venv/bin/python -m pytest tests/served -v

Skipped unless $KINERJA_BENCH is a bench with the site $KINERJA_BROWSER_SITE (default demo.test, loaded with
`bench --site demo.test kinerja-asn-demo --with-feedback --password 'Demo#Batanghari2026'`); the browser tests
also need selenium, /usr/bin/chromium and /usr/bin/chromedriver. A session fixture serves the site with
`bench --site <site> serve --port $KINERJA_BROWSER_PORT (8020) --noreload` and stops it afterwards; another
builds a fresh fixture cycle through the HTTP API as Administrator and removes it at the end.
Screenshots (360 px and 1280 px wide) go to $KINERJA_SHOTS (default /tmp/kinerja_portal_shots/).

Other settings: KINERJA_ADMIN_PASSWORD (admin), KINERJA_DEMO_PASSWORD (Demo#Batanghari2026),
KINERJA_BROWSER_SUPERVISOR (ahmad.fauzi@dinkes.batanghari.example: a demo supervisor with three staff).
"""

import os
import shutil
import signal
import socket
import subprocess
from pathlib import Path

import pytest

BENCH = os.environ.get("KINERJA_BENCH", "")
SITE = os.environ.get("KINERJA_BROWSER_SITE", "demo.test")
PORT = int(os.environ.get("KINERJA_BROWSER_PORT", "8020"))
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SHOTS = Path(os.environ.get("KINERJA_SHOTS", "/tmp/kinerja_portal_shots"))
ADMIN_PASSWORD = os.environ.get("KINERJA_ADMIN_PASSWORD", "admin")
DEMO_PASSWORD = os.environ.get("KINERJA_DEMO_PASSWORD", "Demo#Batanghari2026")
SUPERVISOR = os.environ.get("KINERJA_BROWSER_SUPERVISOR", "ahmad.fauzi@dinkes.batanghari.example")
HEADLESS_FLAGS = (
	"--headless=new",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
)


def _skip_reason(browser: bool) -> str | None:
	if not BENCH:
		return "KINERJA_BENCH is not set: these tests need a bench with a served demo site"
	if not (Path(BENCH) / "sites" / SITE / "site_config.json").exists():
		return f"site {SITE} not found in {BENCH}/sites (set KINERJA_BROWSER_SITE)"
	if not (shutil.which("bench") or (Path(BENCH) / "env" / "bin" / "bench").exists()):
		return "the bench command is not installed"
	if not browser:
		return None
	for binary in (CHROMIUM, CHROMEDRIVER):
		if not Path(binary).exists():
			return f"{binary} not found (apt-get install chromium chromium-driver)"
	try:
		import selenium  # noqa: F401
	except ImportError:
		return "selenium is not installed (dev extra)"
	return None


def pytest_collection_modifyitems(config, items):
	for item in items:
		if "tests/served" not in str(item.fspath):
			continue
		reason = _skip_reason(browser="driver" in getattr(item, "fixturenames", ()))
		if reason:
			item.add_marker(pytest.mark.skip(reason=reason))


def _port_free(port: int) -> bool:
	with socket.socket() as s:
		return s.connect_ex(("127.0.0.1", port)) != 0


@pytest.fixture(scope="session")
def base_url():
	from fixture import wait_for_server

	if not _port_free(PORT):
		pytest.fail(f"port {PORT} is in use; stop what listens there or set KINERJA_BROWSER_PORT")
	bench = shutil.which("bench") or str(Path(BENCH) / "env" / "bin" / "bench")
	log = open(SHOTS.parent / f"kinerja_browser_serve_{PORT}.log", "w")
	server = subprocess.Popen(
		[bench, "--site", SITE, "serve", "--port", str(PORT), "--noreload"],
		cwd=BENCH,
		stdout=log,
		stderr=subprocess.STDOUT,
		start_new_session=True,  # its own process group: stopped (with its children) by id below
	)
	url = f"http://127.0.0.1:{PORT}"
	try:
		wait_for_server(url)
		yield url
	finally:
		try:
			os.killpg(server.pid, signal.SIGTERM)
			server.wait(timeout=20)
		except (ProcessLookupError, subprocess.TimeoutExpired):
			os.killpg(server.pid, signal.SIGKILL)
		log.close()


@pytest.fixture(scope="session")
def admin(base_url):
	from fixture import Api

	api = Api(base_url)
	api.login("Administrator", ADMIN_PASSWORD)
	return api


@pytest.fixture(scope="session")
def data(admin):
	from fixture import build, cleanup

	fixture = build(admin, SUPERVISOR, DEMO_PASSWORD)
	try:
		yield fixture
	finally:
		cleanup(admin, fixture.cycle)


@pytest.fixture(scope="session")
def driver():
	from selenium import webdriver
	from selenium.webdriver.chrome.service import Service

	SHOTS.mkdir(parents=True, exist_ok=True)
	options = webdriver.ChromeOptions()
	options.binary_location = CHROMIUM
	for flag in HEADLESS_FLAGS:
		options.add_argument(flag)
	options.add_argument("--window-size=1280,900")
	options.add_argument("--lang=id")
	options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
	browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
	browser.set_page_load_timeout(60)
	try:
		yield browser
	finally:
		browser.quit()


SHOTS.mkdir(parents=True, exist_ok=True)
