"""The "needs attention" screen: refused operations and set-aside records."""
