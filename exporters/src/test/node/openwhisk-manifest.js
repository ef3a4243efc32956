// Reads an OpenWhisk manifest the way `aio runtime deploy` does, offline, and prints the entities it
// would deploy (packages, actions, triggers, rules, API routes) as one JSON line after "ENTITIES ".
//
// Usage, in the manifest's folder (action files are read relative to it):
//   node openwhisk-manifest.js <node_modules folder> <manifest.yaml>
'use strict'
const path = require('path')

const [modules, manifest] = process.argv.slice(2)
const { utils } = require(path.join(modules, '@adobe', 'aio-lib-runtime'))

const files = utils.setPaths({ manifest })
if (!files.packages) {
  throw new Error(manifest + ' has no packages')
}
const entities = utils.processPackage(
  files.packages, files.deploymentPackages, files.deploymentTriggers, {}, false, {})
for (const action of entities.actions) {
  // The code (a jar read as text) is not worth printing: its size says that the file was read.
  if (action.action !== undefined && action.action !== '') {
    action.action = { size: action.action.length }
  }
}
process.stdout.write('ENTITIES ' + JSON.stringify(entities) + '\n')
