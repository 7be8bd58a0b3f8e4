"""The shipping-deadline board: its lanes, the scanner bar, paper and batch files."""
