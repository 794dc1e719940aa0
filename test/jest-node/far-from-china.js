// Node test environment in a timezone far from China's (America/New_York): the handlers' "day" rules
// must hold whatever zone a function runs in, and a machine in China would otherwise hide a leak.
// Set per test file and restored afterwards, as the jsdom environment in test/jest-taro does.
const { TestEnvironment } = require('jest-environment-node')

const FAR_FROM_CHINA = 'America/New_York'

class FarFromChinaNodeEnvironment extends TestEnvironment {
  async setup() {
    this.savedTimezone = process.env.TZ
    process.env.TZ = FAR_FROM_CHINA
    await super.setup()
  }

  async teardown() {
    if (this.savedTimezone === undefined) delete process.env.TZ
    else process.env.TZ = this.savedTimezone
    await super.teardown()
  }
}

module.exports = FarFromChinaNodeEnvironment
