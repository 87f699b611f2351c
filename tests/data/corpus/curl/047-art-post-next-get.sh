curl -d score=10 https://example.com/post.cgi --next https://example.com/results.html
