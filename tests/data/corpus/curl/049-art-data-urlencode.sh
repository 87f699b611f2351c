curl --data-urlencode "name=I am Daniel" https://www.example.com
