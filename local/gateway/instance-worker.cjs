// One cloud-function instance of the local runtime, in its own worker thread (./functions.ts starts
// it): requires the built bundle once (its cold start, wx-server-sdk pointed at the local service by the
// environment it was given) and runs the calls posted to it — `invoke(event, identity)` for the gateway,
// `main(event)` for timer triggers, `push(event)` for message pushes — several at a time, as one
// CloudBase instance may. The runtime terminates the thread when one of its calls outlives the
// function's timeout, so nothing the handler would do after the deadline happens. Its heap is capped at
// the function's memorySize (the Worker's resourceLimits); each answer carries the heap's size then
// (V8 total_heap_size), from which the runtime keeps each function's peak.
// LOCAL_CLOCK_OFFSET_MS in the environment moves the instance's clock forward (the crash drill's restart
// runs the repairs as their next scheduled run would see the data).
'use strict'
const { parentPort, workerData } = require('node:worker_threads')
const { getHeapStatistics } = require('node:v8')

const offsetMs = Number(process.env.LOCAL_CLOCK_OFFSET_MS || 0)
if (offsetMs) {
  const RealDate = Date
  globalThis.Date = class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offsetMs)
      else super(...args)
    }

    static now() {
      return RealDate.now() + offsetMs
    }
  }
}

const describe = (error) => ({
  name: error instanceof Error ? error.name : 'Error',
  message: error instanceof Error ? error.message : String(error),
  stack: error instanceof Error ? error.stack : undefined,
})

let bundle = null
try {
  bundle = require(workerData.entry)
  parentPort.postMessage({ type: 'ready' })
} catch (error) {
  parentPort.postMessage({ type: 'failed', error: describe(error) })
}

parentPort.on('message', async ({ id, entry, event, identity }) => {
  try {
    const run = bundle && bundle[entry]
    if (typeof run !== 'function') throw new Error(`${workerData.entry} has no ${entry} export; rebuild with npm run build:functions`)
    const result = await (entry === 'invoke' ? run(event, identity) : run(event))
    parentPort.postMessage({ id, ok: true, result, heap: getHeapStatistics().total_heap_size })
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: describe(error), heap: getHeapStatistics().total_heap_size })
  }
})
