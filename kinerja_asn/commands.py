"""bench commands of kinerja_asn."""

import click
from frappe.commands import get_site, pass_context


@click.command("kinerja-asn-demo")
@click.option("--with-feedback", is_flag=True, help="Also submit the sample raters' feedback.")
@click.option(
	"--password", default=None, help="Password for the demo users (default: none; reset to log in)."
)
@pass_context
def kinerja_asn_demo(context, with_feedback: bool = False, password: str | None = None):
	"""Load the demo Dinas Kesehatan of Kabupaten Batanghari into a site (not for production)."""
	import frappe

	from kinerja_asn.demo.load import load

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		frappe.set_user("Administrator")
		result = load(with_feedback=with_feedback, password=password)
		click.echo(
			"Demo loaded: {employees} employees, {created} ASN Appraisals, {raters} rater tasks".format(
				**result
			)
			+ (", {} feedback submitted".format(result["feedback"]) if "feedback" in result else "")
		)
		for skipped in result.get("skipped", []):
			click.echo(f"skipped {skipped['employee']}: {skipped['reason']}")
	finally:
		frappe.destroy()


commands = [kinerja_asn_demo]
