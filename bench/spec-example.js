// Prints one example of the spec as compact JSON, so the benchmark sends and stubs exactly what
// the spec says (nothing is copied by hand). js-yaml comes with Prism's node_modules.
//   node bench/spec-example.js SPEC request PATH METHOD EXAMPLE_NAME
//   node bench/spec-example.js SPEC response PATH METHOD STATUS      (the first example)
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require(path.join(__dirname, '..', 'conformance-tests', 'prism', 'node_modules', 'js-yaml'));

const [specFile, kind, apiPath, method, which] = process.argv.slice(2);
if (!specFile || !['request', 'response'].includes(kind) || !apiPath || !method || !which) {
  fail('usage: spec-example.js SPEC request|response PATH METHOD EXAMPLE_NAME|STATUS');
}
const spec = yaml.safeLoad(fs.readFileSync(specFile, 'utf8'));

function fail(message) {
  process.stderr.write(`spec-example.js: ${message}\n`);
  process.exit(1);
}

// Follows local "#/..." references, the only kind this project's spec uses.
function deref(node) {
  while (node && typeof node.$ref === 'string') {
    if (!node.$ref.startsWith('#/')) fail(`only local $refs are supported: ${node.$ref}`);
    node = node.$ref.slice(2).split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((parent, key) => (parent === undefined ? undefined : parent[key]), spec);
  }
  return node;
}

function jsonContent(owner, where) {
  const content = deref(owner) && deref(owner).content;
  const media = content && Object.keys(content).find((type) => /json/.test(type));
  if (!media) fail(`${where} has no JSON content in ${specFile}`);
  return content[media];
}

const operation = spec.paths && spec.paths[apiPath] && spec.paths[apiPath][method.toLowerCase()];
if (!operation) fail(`${method} ${apiPath} is not in ${specFile}`);

let value;
if (kind === 'request') {
  const media = jsonContent(operation.requestBody, `${method} ${apiPath} requestBody`);
  const example = media.examples && deref(media.examples[which]);
  if (!example) fail(`request example '${which}' of ${method} ${apiPath} is not in ${specFile}`);
  value = example.value;
} else {
  const media = jsonContent(operation.responses && operation.responses[which], `${method} ${apiPath} response ${which}`);
  const first = media.examples && Object.values(media.examples)[0];
  value = first !== undefined ? deref(first).value : media.example;
  if (value === undefined) fail(`response ${which} of ${method} ${apiPath} has no example in ${specFile}`);
}
process.stdout.write(JSON.stringify(value));
