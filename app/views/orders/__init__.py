"""The orders screen: search, filters and one order's detail."""
