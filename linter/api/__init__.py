"""What a rule author touches: rules, hooks, the registry, TOML packs and the shared method helpers.

:mod:`.rule` (``Rule``, ``RuleInfo``, ``CheckContext``...), :mod:`.hookspecs`
(the plugin contract), :mod:`.registry` (loading plugins and packs),
:mod:`.packs` (the TOML format), :mod:`.quadrants` (placing an account) and
:mod:`.velocity` (sales velocity). The built-in pack in ``rules/`` uses these
exactly as a third-party plugin does. The stable import paths for plugins are
listed in ``docs/plugins.md``.
"""
