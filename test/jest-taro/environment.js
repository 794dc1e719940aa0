// jsdom, run in a timezone far from China's (America/New_York) so that any formatting which leaks the
// device timezone shows up as a wrong date or hour. Set per test file and restored afterwards, so other
// jest projects sharing the worker process keep their own timezone.
const { TestEnvironment } = require('jest-environment-jsdom')

const FAR_FROM_CHINA = 'America/New_York'

class FarFromChinaEnvironment extends TestEnvironment {
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

module.exports = FarFromChinaEnvironment
