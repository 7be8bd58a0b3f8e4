"""The desk's own updates: find a newer release, fetch it, install it at the next start.

- `folders.py`: where an installation is and what it runs (`Installation`), and where its
  updates are kept in the data folder (`UpdateFolders`), never inside the install folder.
- `check.py`: asks the update address for a newer release through tufup (signed TUF
  metadata), downloads and unpacks it beside the data, and refuses a tampered one.
- `pending.py`: the update waiting to be installed, what changed, and the owner's agreement.
- `apply.py`: at the next start, before Qt loads, the agreed update replaces the install folder.

No Qt: the screens run these on a background lane (app/views/updates/).
"""
