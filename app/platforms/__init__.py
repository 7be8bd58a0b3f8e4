"""The shop platforms, each an adapter behind one port (`app.platforms.port`)."""
