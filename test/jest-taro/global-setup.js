// Runs once before the workers start: put the whole test run in a timezone far from China's, so any
// formatting that leaks the device timezone shows up as a wrong date or hour.
module.exports = async () => {
  process.env.TZ = 'America/New_York'
}
