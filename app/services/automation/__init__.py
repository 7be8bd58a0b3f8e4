"""Automatic decisions (issue 18 part 2): the owner's rules, their live evaluation, dry runs and undo.

`conditions.py` what a rule says and whether a request matches it; `facts.py` what a rule
reads of requests; `rule_book.py` the owner's changes to the rules (versioned, audited);
`evaluation.py` the live side the sync process runs; `dry_run.py` what a rule would have
done; `pending.py` decisions waiting out their undo window, and the undo; `stopped.py`
the rules that stopped themselves, for the owner's attention. No Qt.
"""
