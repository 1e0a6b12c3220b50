"""The SQLite implementation of the repositories: the desk's embedded (SQLCipher) store."""
