"""Offline-first sync between store terminals and HQ (docs/sync.md).

``sync.client`` uploads the terminal's outbox and downloads master data, balances and
the hotlist; ``sync.hq`` is the HQ service that applies events exactly once."""
