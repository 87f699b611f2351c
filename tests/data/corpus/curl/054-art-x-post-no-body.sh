curl -X POST https://example.org/
