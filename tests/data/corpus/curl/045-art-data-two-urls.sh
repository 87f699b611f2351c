curl --data name=curl https://url1.example.com https://url2.example.com
