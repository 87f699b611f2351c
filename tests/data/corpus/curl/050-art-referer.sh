curl --referer https://www.example.come https://www.example.com
