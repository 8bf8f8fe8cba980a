"""planc benchmark harness (make bench)."""
