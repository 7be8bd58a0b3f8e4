"""The standing fault campaign: `python -m tests.campaign` (see `__main__.py`).

Not part of the test command: no module here is named `test_*`. This file imports
nothing, so that the pusher processes the campaign forks (`pusher.py`) load only what
the sync itself needs.
"""
