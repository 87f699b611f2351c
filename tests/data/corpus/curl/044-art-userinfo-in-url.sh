curl https://user:password@example.org/
