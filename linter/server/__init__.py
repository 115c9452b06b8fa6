"""`planlint server`: the language server (needs the ``lsp`` extra: ``pip install 'planlint[lsp]'``).

The modules here other than :mod:`.protocol` know nothing of LSP's wire
format: :mod:`.analysis` lints a document as ``check`` lints a file,
:mod:`.completion` asks the parser what may come next, :mod:`.structure`
reads the outline and the people out of the syntax tree, and
:mod:`.positions` converts planlint's columns to the client's units.
"""
