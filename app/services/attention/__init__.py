"""What the platform would not take, and what a person does about it."""
