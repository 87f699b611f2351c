curl --cookie "name=Daniel" https://www.example.com
