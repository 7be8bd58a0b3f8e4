"""The desk's updates on screen: the status bar's notice, what changed, and Settings' section
(the work itself is app/services/updates/)."""
