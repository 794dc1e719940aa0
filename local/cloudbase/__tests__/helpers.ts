// Test helpers: a service on a temp dir plus a fresh wx-server-sdk pointed at it (jest gives every test
// file its own module registry, so `require('wx-server-sdk')` here is a fresh SDK per file).

import fs from 'fs'
import os from 'os'
import path from 'path'
import { sign } from '@cloudbase/signature-nodejs'
import { startCloudbaseService, sdkEnv, CloudbaseService, type Credentials } from '../index'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- conformance tests read the SDK's raw answers, whose shapes are what they test
export type Any = any

const created: string[] = []

export function tempDir(prefix = 'cloudbase-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  created.push(dir)
  return dir
}

/** Removes the temp dirs this test file created (call after closing its services). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
}

export interface Harness {
  service: CloudbaseService
  cloud: Any
  db: Any
  _: Any
  $: Any
  dir: string
}

export function pointSdkAt(service: CloudbaseService): void {
  Object.assign(process.env, sdkEnv(service))
}

/** Starts a service on a fresh temp dir, creates `collections`, and returns an initialised SDK. */
export async function startHarness(collections: string[] = [], dir = tempDir()): Promise<Harness> {
  const service = await startCloudbaseService({ dataDir: dir })
  await service.ensureCollections(collections)
  pointSdkAt(service)
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only after sdkEnv() is in process.env
  const cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const db = cloud.database()
  return { service, cloud, db, _: db.command, $: db.command.aggregate, dir }
}

/** Runs `fn` and returns the error it throws (fails the test when nothing is thrown). */
export async function errorOf(fn: () => Promise<unknown>): Promise<Any> {
  try {
    await fn()
  } catch (err) {
    return err
  }
  throw new Error('expected an error, got none')
}

export interface RawAdminOptions {
  /** Sign with these instead of the service's own (a forged key). */
  credentials?: Credentials
  /** Signing time in seconds (default now). */
  timestamp?: number
  /** Changes the body after it was signed (a tampered request). */
  tamper?: (body: Record<string, unknown>) => Record<string, unknown>
  unsigned?: boolean
}

/**
 * A raw POST /admin, signed as node-sdk signs it (the same @cloudbase/signature-nodejs `sign` call
 * with the same headers), so a test can send what the SDK would not.
 */
export async function rawAdmin(service: CloudbaseService, body: Record<string, unknown>, opts: RawAdminOptions = {}): Promise<{ status: number; body: Any }> {
  const url = `${service.url}?env=${service.envId}&seqId=test`
  const cred = opts.credentials ?? service.credentials
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000) - 1
  const headers: Record<string, string> = { 'content-type': 'application/json', host: new URL(url).host, 'user-agent': 'tcb-node-sdk/3.17.2' }
  const signed = sign({ ...cred, method: 'post', url, params: body, headers, withSignedParams: true, timestamp })
  const sent = opts.tamper ? opts.tamper({ ...body }) : body
  const { host: _host, ...sendHeaders } = headers
  const res = await fetch(url, {
    method: 'POST',
    headers: opts.unsigned ? { 'content-type': 'application/json' } : { ...sendHeaders, authorization: signed.authorization, 'x-timestamp': String(signed.timestamp) },
    body: JSON.stringify(sent),
  })
  return { status: res.status, body: await res.json() }
}
