// Records newman's verdicts on the Conduit collection against the local Conduit test server:
// per request (in run order, with its folder), its status and each assertion's name and
// pass/fail, written as conduit.newman.json. See README.md.
//
// usage: node record.js NEWMAN_DIR CONDUITSERVER_BINARY [OUT_JSON]
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const [newmanDir, serverBinary, outFile] = process.argv.slice(2);
if (!newmanDir || !serverBinary) {
    console.error('usage: node record.js NEWMAN_DIR CONDUITSERVER_BINARY [OUT_JSON]');
    process.exit(2);
}
const newman = require(path.join(newmanDir, 'node_modules', 'newman'));
const version = require(path.join(newmanDir, 'node_modules', 'newman', 'package.json')).version;
const collection = path.join(__dirname, 'Conduit.postman_collection.json');
const out = outFile || path.join(__dirname, 'conduit.newman.json');

// The server prints its address first; it exits when its standard input closes.
const server = spawn(serverBinary, [], { stdio: ['pipe', 'pipe', 'inherit'] });
const hardStop = setTimeout(() => { console.error('record: hard timeout'); process.exit(3); }, 120000);
let output = '';
let started = false;
server.stdout.on('data', (chunk) => {
    output += chunk.toString();
    const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output);
    if (match && !started) {
        started = true;
        run(match[1]);
    }
});

// The globals api/run-api-tests.sh passes, with the API on the local server.
const globals = { USERNAME: 'rafaga', EMAIL: 'rafaga@mail.com', PASSWORD: 'password' };

function run(base) {
    const requests = [];
    const values = Object.entries(Object.assign({ APIURL: base + '/api' }, globals))
        .map(([key, value]) => ({ key: key, value: value, type: 'any' }));
    newman.run({
        collection: collection,
        globals: { values: values },
        iterationCount: 1,
        reporters: [],
        timeoutRequest: 10000,
    }).on('beforeItem', (err, args) => {
        const parent = args.item.parent();
        requests.push({ folder: parent && parent.name ? parent.name : '', name: args.item.name,
            status: null, assertions: [] });
    }).on('request', (err, args) => {
        requests[requests.length - 1].status = err ? null : args.response.code;
    }).on('assertion', (err, args) => {
        requests[requests.length - 1].assertions.push({ name: args.assertion, passed: !err });
    }).on('exception', (err, args) => {
        const current = requests[requests.length - 1];
        current.scriptError = String(args.error && args.error.message);
    }).on('done', (err) => {
        server.stdin.end();
        server.on('exit', () => finish(err, requests));
    });
}

function finish(err, requests) {
        clearTimeout(hardStop);
        if (err) {
            console.error('newman error: ' + (err.stack || err));
            process.exit(1);
        }
        let passed = 0;
        let failed = 0;
        for (const request of requests) {
            for (const assertion of request.assertions)
                assertion.passed ? ++passed : ++failed;
        }
        const record = {
            recorded_with: 'newman ' + version,
            globals: Object.assign({ APIURL: 'http://127.0.0.1:PORT/api' }, globals),
            totals: { requests: requests.length, assertions: passed + failed, passed: passed,
                failed: failed },
            requests: requests,
            // What the server answered, in the order it answered: METHOD TARGET STATUS user=NAME.
            server_log: output.split('\n').slice(1).filter((line) => line.length > 0),
        };
        fs.writeFileSync(out, JSON.stringify(record, null, 2) + '\n');
        console.log(`${requests.length} requests, ${passed} assertions passed, ${failed} failed`);
}
