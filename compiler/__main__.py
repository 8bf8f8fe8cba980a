"""Run planc as ``python -m compiler``."""

from compiler.cli import main

main()
