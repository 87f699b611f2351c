$ curl http://httpbin.org/ip
$ curl http://httpbin.org/user-agent
$ curl http://httpbin.org/get
$ curl -I http://httpbin.org/status/418
$ curl https://httpbin.org/get?show_env=1
