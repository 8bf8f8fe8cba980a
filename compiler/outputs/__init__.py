"""Turn planc's Markdown into the documents: pandoc runs, the AST gate, one writer per format,
Typst, DOCX finishing, staging and atomic writes, and publishing a release."""
