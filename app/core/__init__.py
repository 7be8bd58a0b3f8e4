"""The core below everything: how a service says no, the translation marker, shop time, money."""
