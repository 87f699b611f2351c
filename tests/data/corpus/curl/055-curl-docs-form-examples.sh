curl -F name=John -F shoesize=11 https://example.com/
curl -F "name=daniel;type=text/foo" example.com
curl -F 'colors="red; green; blue";type=text/x-myapp' \
   https://example.com
curl -F "submit=OK;headers=\"X-submit-type: OK\"" example.com
