"""The storage seam: what services ask of a store, in the domain's terms.

Each aggregate has a small typed interface here (``customers``, ``search``, ``history``,
``complaints``, ``calls``, ``phrasebooks``, ``staff`` with the audit trail, ``privacy``,
``settings``): dataclasses in, dataclasses out; no SQL and no driver types. A
:class:`~console.repositories.store.Store` runs a job against
:class:`~console.repositories.store.Repositories` — a read, or a write in ONE transaction
(the unit of work). ``console/storage/sqlite/`` implements them for the desk's embedded
database; a second backend implements the same interfaces and every service works on it
unchanged. Imports: the domain only.

Two interfaces stand beside the unit of work, because they are not about one
transaction: :mod:`~console.repositories.console_settings` (this computer's settings,
kept outside the database) and :mod:`~console.repositories.database_files` (a desk
store's database file: backups, checks, restores). The composition root passes them in.
"""

from console.repositories.store import Repositories, Store

__all__ = ["Repositories", "Store"]
