"""The storage seam: what services ask of a store, in the domain's terms.

Each aggregate has a small typed interface here (``customers``, ``search``, ``history``,
``complaints``, ``calls``, ``phrasebooks``, ``staff`` with the audit trail, ``privacy``,
``settings``): dataclasses in, dataclasses out; no SQL and no driver types. A
:class:`~console.repositories.store.Store` runs a job against
:class:`~console.repositories.store.Repositories` — a read, or a write in ONE transaction
(the unit of work). ``console/storage/sqlite/`` implements them for the desk's embedded
database; a second backend implements the same interfaces and every service works on it
unchanged. Imports: the domain only.
"""

from console.repositories.store import Repositories, Store

__all__ = ["Repositories", "Store"]
