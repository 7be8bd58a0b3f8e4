"""The combined "due soon" screen: the most urgent work of every shop on the desk."""
