// The official Elasticsearch client asking logcentral who it is (GET /), as clients and shippers do before a bulk.
// Usage: node info.js <base url> <token>
const { Client } = require('@elastic/elasticsearch')

const [url, token] = process.argv.slice(2)
const client = new Client({ node: url, auth: { apiKey: token } })
client.info()
  .then(info => {
    console.log('version', info.version.number, 'tagline', info.tagline)
    return client.ping()
  })
  .then(alive => console.log('ping', alive))
  .catch(error => { console.error('info failed:', error.name, error.message); process.exit(1) })
