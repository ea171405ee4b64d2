"""Turn the scraped "Certification table" document into a validated, tidy dataset."""
