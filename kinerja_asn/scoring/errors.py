"""Error type raised by the scoring core; the Frappe layer translates and shows it."""


def _(message: str) -> str:
	"""No-op marker so bench's translation extractor finds the message; the caller translates it."""
	return message


class RuleError(ValueError):
	"""A value breaks a regulation rule or a configured local rule.

	``message`` is the untranslated English template with ``{0}``, ``{1}`` placeholders and
	``args_`` the values to put in; ``str(error)`` is the formatted English text.
	"""

	def __init__(self, message: str, *args):  # message is an English template with {0} {1} placeholders
		super().__init__(message.format(*args) if args else message)
		self.message = message
		self.args_ = args
