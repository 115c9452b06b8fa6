"""One module per `planlint` subcommand, each with ``register(subparsers)``."""
