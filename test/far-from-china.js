// Runs a jest environment in a timezone far from China's (America/New_York), so that any date or hour
// that leaks the machine's timezone shows up wrong, wherever the machine is. The zone is set per test
// file and restored afterwards, so other jest projects sharing the worker process keep their own.
const FAR_FROM_CHINA = 'America/New_York'

function farFromChina(Environment) {
  return class extends Environment {
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
}

module.exports = { farFromChina }
