"""planlint: a linter and completeness score for B2B sales account plans."""

__version__ = "0.1.0"


def _start() -> None:
    """Spare pydantic its scan for plugins when none is installed (:func:`planlint.installed.skip_pydantic_plugin_scan`)."""
    try:
        from .installed import skip_pydantic_plugin_scan

        skip_pydantic_plugin_scan()
    except Exception:  # noqa: BLE001 - an optimisation: pydantic then scans as usual
        pass


_start()
