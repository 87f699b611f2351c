// Runs one Postman collection with newman (library API) and redirects every
// connection newman opens to 127.0.0.1:PORT, whatever host/port/scheme the
// request URL names.  https requests are sent in clear text (the https agent's
// createConnection returns a plain TCP socket), so the logging server sees
// exactly the request line and headers newman would have sent.
//
// usage: node newman_run.js NEWMAN_DIR COLLECTION PORT [ENV_FILE] [GLOBALS_FILE]
'use strict';
const http = require('http');
const https = require('https');
const net = require('net');

const [newmanDir, collection, portStr, envFile, globalsFile] = process.argv.slice(2);
const port = Number(portStr);
if (!newmanDir || !collection || !port) {
    console.error('usage: node newman_run.js NEWMAN_DIR COLLECTION PORT [ENV] [GLOBALS]');
    process.exit(2);
}

function toLocal() {
    return net.connect({ host: '127.0.0.1', port: port });
}
const httpAgent = new http.Agent({ keepAlive: false });
httpAgent.createConnection = toLocal;
const httpsAgent = new https.Agent({ keepAlive: false });
httpsAgent.createConnection = toLocal;

const newman = require(newmanDir);
const hardStop = setTimeout(() => { console.error('newman_run: hard timeout'); process.exit(3); }, 100000);

newman.run({
    collection: collection,
    environment: envFile || undefined,
    globals: globalsFile || undefined,
    iterationCount: 1,
    reporters: [],
    insecure: true,
    timeout: 90000,
    timeoutRequest: 10000,
    timeoutScript: 5000,
    ignoreRedirects: true,
    requestAgents: { http: httpAgent, https: httpsAgent },
    workingDir: require('path').dirname(collection)
}, (err, summary) => {
    clearTimeout(hardStop);
    if (err) {
        console.error('newman error: ' + (err.stack || err));
        process.exit(1);
    }
    const fails = (summary.run.failures || []).filter((f) => f.error && f.error.name !== 'AssertionError');
    for (const f of fails) {
        console.error('newman: ' + f.error.name + ': ' + f.error.message);
    }
    process.exit(0);
});
