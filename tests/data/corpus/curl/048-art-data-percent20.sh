curl --data "birthyear=1905&press=%20OK%20" https://www.example.com/when/junk.cgi
