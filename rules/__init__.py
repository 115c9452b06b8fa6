"""Built-in rule packs shipped with planlint (installed as ``planlint.rules``)."""
