"""Configuration: finding and reading configuration files (:mod:`.loader`), the settings they give (:mod:`.settings`), path globs (:mod:`.globs`)."""
