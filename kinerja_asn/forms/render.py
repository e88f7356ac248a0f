"""Render the official forms with Jinja2 and print them to PDF without a bench.

Templates import each other by their app path (``kinerja_asn/forms/templates/macros.html``), which is
how Frappe's Jinja loader finds app templates, so the same files work inside Frappe print formats. This
environment resolves both bare names (``skp.html``) and those app paths.

PDF: ``wkhtmltopdf`` (Frappe's renderer; page size, orientation and margins come from the
``<meta name="pdfkit-...">`` tags of the template, as Frappe reads them) when it is built with patched
Qt, else headless ``chromium`` (which follows the CSS ``@page`` rule), else an unpatched wkhtmltopdf
(no repeating headers), else nothing: ``to_pdf`` returns False. Nothing is downloaded.
"""

import functools
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
APP_DIR = Path(__file__).resolve().parent.parent  # the kinerja_asn package
APP_NAME = APP_DIR.name

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# wkhtmltopdf options that a template may set with <meta name="pdfkit-<option>" content="...">.
PDFKIT_OPTIONS = ("page-size", "orientation", "margin-top", "margin-bottom", "margin-left", "margin-right")
DEFAULT_PDFKIT = {
	"page-size": "A4",
	"orientation": "Portrait",
	"margin-top": "15mm",
	"margin-bottom": "15mm",
	"margin-left": "15mm",
	"margin-right": "15mm",
}
PDF_TIMEOUT = 120


def _identity(text: str, *args: Any, **kwargs: Any) -> str:
	return text.format(*args) if args else text


def template_environment(translator: Callable[..., str] | None = None) -> jinja2.Environment:
	"""Jinja environment on forms/templates (autoescape on, ``do`` and ``loopcontrols``); ``_`` is the
	translator, or the identity when none is given (the official forms are in Indonesian)."""
	env = jinja2.Environment(
		loader=jinja2.ChoiceLoader(
			[
				jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
				jinja2.PrefixLoader({APP_NAME: jinja2.FileSystemLoader(str(APP_DIR))}),
			]
		),
		autoescape=True,
		extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"],
		undefined=jinja2.ChainableUndefined,
		trim_blocks=True,
		lstrip_blocks=True,
	)
	env.globals["_"] = translator or _identity
	return env


_ENV: jinja2.Environment | None = None


def render(template_name: str, form: Mapping[str, Any], env: jinja2.Environment | None = None) -> str:
	"""Render one form template with ``form`` as its context variable."""
	global _ENV
	if env is None:
		if _ENV is None:
			_ENV = template_environment()
		env = _ENV
	return env.get_template(template_name).render(form=form)


# ---------------------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def wkhtmltopdf_patched() -> bool:
	"""Whether the wkhtmltopdf on PATH is built with patched Qt (repeating table headers, page-break
	control, footers, print media); an unpatched build ignores those and prints visibly worse forms."""
	binary = shutil.which("wkhtmltopdf")
	if not binary:
		return False
	try:
		result = subprocess.run(
			[binary, "--version"], capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL
		)
	except (OSError, subprocess.TimeoutExpired):
		return False
	return "patched qt" in (result.stdout + result.stderr).lower()


def _chromium_binary() -> str | None:
	return next((shutil.which(name) for name in CHROMIUM_NAMES if shutil.which(name)), None)


def pdf_renderer() -> str | None:
	"""Which renderer ``to_pdf`` uses: "wkhtmltopdf", "chromium" or None (nothing on PATH).

	Order: wkhtmltopdf with patched Qt (what Frappe uses), else chromium, else an unpatched wkhtmltopdf.
	``KINERJA_PDF_RENDERER=chromium`` (or ``wkhtmltopdf``) picks that one when it is on PATH.
	"""
	preferred = os.environ.get("KINERJA_PDF_RENDERER", "").strip().lower()
	has_wkhtmltopdf, has_chromium = bool(shutil.which("wkhtmltopdf")), bool(_chromium_binary())
	if preferred == "wkhtmltopdf" and has_wkhtmltopdf:
		return "wkhtmltopdf"
	if preferred == "chromium" and has_chromium:
		return "chromium"
	if has_wkhtmltopdf and wkhtmltopdf_patched():
		return "wkhtmltopdf"
	if has_chromium:
		return "chromium"
	return "wkhtmltopdf" if has_wkhtmltopdf else None


def pdfkit_options(html_text: str) -> dict[str, str]:
	"""The page options of a rendered form: defaults updated with its ``pdfkit-*`` meta tags."""
	options = dict(DEFAULT_PDFKIT)
	for name, content in re.findall(
		r"<meta\s+name=[\"']pdfkit-([\w-]+)[\"']\s+content=[\"']([^\"']*)[\"']", html_text
	):
		if name in PDFKIT_OPTIONS:
			options[name] = content
	return options


def _wkhtmltopdf_command(html_path: Path, pdf_path: Path) -> list[str]:
	options = pdfkit_options(html_path.read_text(encoding="utf-8"))
	command = [shutil.which("wkhtmltopdf") or "wkhtmltopdf", "--quiet", "--encoding", "utf-8"]
	for name, value in options.items():
		command += [f"--{name}", value]
	command += [
		"--print-media-type",
		"--disable-smart-shrinking",
		"--disable-javascript",
		"--footer-font-name",
		"Arial",
		"--footer-font-size",
		"7",
		"--footer-right",
		"Halaman [page] dari [topage]",
		str(html_path),
		str(pdf_path),
	]
	return command


def _chromium_command(html_path: Path, pdf_path: Path) -> list[str]:
	return [
		_chromium_binary() or "chromium",
		"--headless",
		"--no-sandbox",
		"--disable-gpu",
		"--no-pdf-header-footer",
		"--print-to-pdf-no-header",
		"--run-all-compositor-stages-before-draw",
		f"--print-to-pdf={pdf_path}",
		html_path.resolve().as_uri(),
	]


def to_pdf(html_path: str | os.PathLike, pdf_path: str | os.PathLike, renderer: str | None = None) -> bool:
	"""Print a rendered HTML form to PDF; True when the PDF was written, False when no renderer is on PATH
	or it failed. Never downloads anything."""
	html_path, pdf_path = Path(html_path), Path(pdf_path)
	renderer = renderer or pdf_renderer()
	if renderer == "wkhtmltopdf" and shutil.which("wkhtmltopdf"):
		command = _wkhtmltopdf_command(html_path, pdf_path)
	elif renderer == "chromium" and _chromium_binary():
		command = _chromium_command(html_path, pdf_path)
	else:
		return False
	try:
		if pdf_path.exists():
			pdf_path.unlink()
		subprocess.run(
			command, check=False, capture_output=True, timeout=PDF_TIMEOUT, stdin=subprocess.DEVNULL
		)
	except (OSError, subprocess.TimeoutExpired):
		return False
	# wkhtmltopdf may exit 1 on harmless warnings; what counts is a PDF on disk.
	return pdf_path.exists() and pdf_path.stat().st_size > 0 and pdf_path.read_bytes()[:4] == b"%PDF"
