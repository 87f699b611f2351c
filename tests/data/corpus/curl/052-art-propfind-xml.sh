curl --data "<xml>" --header "Content-Type: text/xml" \
  --request PROPFIND example.com
