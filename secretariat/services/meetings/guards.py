"""The guard behind "nothing approved is ever edited in place" lives in
``secretariat.store.guards``, installed by the store for every session it opens; its
public names stay importable from here."""

from secretariat.store.guards import FROZEN_MINUTES, frozen_meeting_ids  # noqa: F401
