"""What planc says to people: diagnostics as values, their translation, and how they are shown."""
