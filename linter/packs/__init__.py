"""TOML rule packs (being written)."""
