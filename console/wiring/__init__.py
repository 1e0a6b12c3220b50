"""Opening the store a console works on, and building the services on it.

The one place besides the composition roots (``console.app`` for the window,
``console.cli`` for commands) that knows storage implementations exist: ``desk`` opens
the embedded SQLite/SQLCipher file with its key from the keychain or a passphrase.
Widgets and commands get a :class:`console.repositories.Store` from here and hand it to
services; they never import storage.
"""
