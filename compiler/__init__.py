"""planc: compile a strategic plan written as YAML into checked HTML, DOCX and PDF documents."""

__version__ = "0.1.0"
