"""The Rules screen: the rule sets by date, side by side, and the shop's own sets."""
