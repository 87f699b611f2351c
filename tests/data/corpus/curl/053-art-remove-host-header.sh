curl --header "Host:" https://www.example.com
