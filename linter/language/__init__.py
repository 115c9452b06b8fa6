"""Text to model: the grammar, the fast and the full parser, the builder, syntax errors and value literals.

:func:`planlint.language.parser.parse_text` and ``parse_file`` are the entry
points; everything here produces a :class:`planlint.model.PlanFile` or a
:class:`planlint.language.diagnostics.PlanSyntaxError` saying why it cannot.
"""
