"""The shipping board's services: deadlines, carriers, marking shipped, batch files."""
