"""`planlint server`: the Language Server Protocol over stdio, on pygls 2.

What each request does is decided in the small modules beside this one
(:mod:`.analysis` lints as ``check`` does, :mod:`.completion`, :mod:`.structure`,
:mod:`.positions`); the feature modules wire them to LSP messages on the one
:data:`.planserver.server` (:mod:`.documents`, :mod:`.lens`, :mod:`.hover`,
:mod:`.editing`, :mod:`.actions`, :mod:`.navigation`, :mod:`.workspace`), and
this module loads them all and serves. The server keeps the editor responsive:

* the engine runs in one worker thread, one document at a time, so the event
  loop keeps answering hover, completion and typing while a plan is linted;
  a change is linted after :data:`DEBOUNCE` seconds without another one, and
  a result for a version the user has already typed past is thrown away;
* the workspace-wide check is ``planlint check --format json`` in a child
  process (the very command CI runs), so thousands of plans never hold up
  the open documents; its findings are published for the files not open.
"""

from __future__ import annotations

# Each feature module registers its handlers on the server when imported.
from . import actions, documents, editing, hover, lens, navigation, workspace  # noqa: F401
from .planserver import server


def serve() -> None:
    """Talk LSP over standard input and output until the client says exit."""
    server.start_io()
