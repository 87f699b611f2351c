curl -I https://example.com --next https://example.com
