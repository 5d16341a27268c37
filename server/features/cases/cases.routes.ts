import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import {
  accessEntryParams, breakGlassInput, caseAccessDto, caseAccessInput, caseDto, caseFileDto, caseGroupInput, caseGroupListDto, caseListDto, caseListQuery,
  caseLookupDto, caseLookupQuery, caseReplyInput, caseRequestInput, caseStepInput, caseSubmissionDto, caseSummaryCountsDto, createCaseInput, groupMemberInput, groupMemberParams,
  myCaseNoticeListDto, submissionInput, updateCaseInput,
} from '../../../contract/cases.ts'
import { MIME, fileResponse, fileUpload, idParams, versionInput } from '../../../contract/common.ts'
import type { AppDeps } from '../../deps.ts'
import { AppError, invalid } from '../../http/errors.ts'
import { actorOf, requireUser, userOf } from '../../http/guard.ts'
import { today } from '../../lib/dates.ts'
import { STORED_FILE_TYPES_TEXT, cleanFileName, downloadHeaders, storedFileType } from '../../lib/file-types.ts'
import { caseAccess, changeGroupMember, createGroup, decideGroupRequest, grantAccess, listGroups, revokeAccess } from './case-access.service.ts'
import { CASE_FILE_MAX_BYTES, addCaseFile, readCaseFile } from './case-files.service.ts'
import { myNotices, submitToNotice } from './case-notices.service.ts'
import { caseOnList } from './cases.access.ts'
import { addRequest, recordReply } from './case-requests.service.ts'
import { BREAK_GLASS_ROLES, CASE_APPROVE_ROLES, CASE_GROUP_ROLES, CASE_OPEN_ROLES, CASE_SUMMARY_ROLES } from './cases.policy.ts'
import { approveConclusion, breakGlass, caseCounts, listCases, lookupForBreakGlass, openCase, readCase, recordStep, updateCase, type CaseDeps } from './cases.service.ts'

const tags = ['cases']

/**
 * Confidential cases. Every route is open to any signed-in account at the door: who may see a case
 * is its need-to-know list, checked on the record (cases.access.ts); everyone else gets 404.
 */
export function caseRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const { db, clock, keys, config } = deps
  const cases: CaseDeps = { db, keys, appealDays: config.appealDays }
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const signedIn = requireUser()

  app.post('/api/v1/cases', { onRequest: requireUser(CASE_OPEN_ROLES), schema: { tags, summary: 'Open a case; the opener owns it and is on its list', body: createCaseInput, response: { 201: caseDto } } }, async (req, reply) => {
    reply.status(201)
    return openCase(cases, userOf(req), actorOf(req, clock()), req.body)
  })

  app.get('/api/v1/cases', { onRequest: signedIn, schema: { tags, summary: 'The cases whose list I am on (no content)', querystring: caseListQuery, response: { 200: caseListDto } } }, async (req) =>
    listCases(db, userOf(req), req.query, today(clock)),
  )

  app.get('/api/v1/cases/summary', { onRequest: requireUser(CASE_SUMMARY_ROLES), schema: { tags, summary: 'Counts by kind, status and overdue for my scope: no names', response: { 200: caseSummaryCountsDto } } }, async (req) =>
    caseCounts(db, userOf(req), today(clock)),
  )

  app.get('/api/v1/cases/lookup', { onRequest: requireUser(BREAK_GLASS_ROLES), schema: { tags, summary: 'The case behind a number, for a committee member about to use break-glass (no content)', querystring: caseLookupQuery, response: { 200: caseLookupDto } } }, async (req) =>
    lookupForBreakGlass(db, userOf(req), req.query.number),
  )

  app.get('/api/v1/cases/:id', { onRequest: signedIn, schema: { tags, summary: 'A case with its content, for its list only (the read is audited)', params: idParams, response: { 200: caseDto } } }, async (req) =>
    readCase(cases, userOf(req), actorOf(req, clock()), req.params.id),
  )

  app.patch('/api/v1/cases/:id', { onRequest: signedIn, schema: { tags, params: idParams, body: updateCaseInput, response: { 200: caseDto } } }, async (req) =>
    updateCase(cases, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.post('/api/v1/cases/:id/steps', { onRequest: signedIn, schema: { tags, summary: 'Record the next step (its note and details are sealed)', params: idParams, body: caseStepInput, response: { 200: caseDto } } }, async (req) =>
    recordStep(cases, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.post('/api/v1/cases/:id/approve', { onRequest: requireUser(CASE_APPROVE_ROLES), schema: { tags, summary: "The committee approves a standards review's conclusion", params: idParams, body: versionInput, response: { 200: caseDto } } }, async (req) =>
    approveConclusion(cases, userOf(req), actorOf(req, clock()), req.params.id, req.body.version),
  )

  app.post('/api/v1/cases/:id/break-glass', { onRequest: requireUser(BREAK_GLASS_ROLES), schema: { tags, summary: 'A committee member not on the list opens the case with a written reason; the owners are told', params: idParams, body: breakGlassInput, response: { 200: caseDto } } }, async (req) =>
    breakGlass(cases, userOf(req), actorOf(req, clock()), req.params.id, req.body.reason),
  )

  app.post('/api/v1/cases/:id/requests', { onRequest: signedIn, schema: { tags, summary: 'Log a request to another agency, with its due date', params: idParams, body: caseRequestInput, response: { 201: caseDto } } }, async (req, reply) => {
    reply.status(201)
    return addRequest(cases, userOf(req), actorOf(req, clock()), req.params.id, req.body)
  })

  app.post('/api/v1/case-requests/:id/reply', { onRequest: signedIn, schema: { tags, summary: "Record the agency's reply", params: idParams, body: caseReplyInput, response: { 200: caseDto } } }, async (req) =>
    recordReply(cases, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.get('/api/v1/case-files/:id', { onRequest: signedIn, schema: { tags, summary: "Download a case's document (the read is audited)", params: idParams, response: { 200: fileResponse(MIME.octet, 'The document') } } }, async (req, reply) => {
    const file = await readCaseFile(cases, userOf(req), actorOf(req, clock()), req.params.id)
    return reply.headers(downloadHeaders({ filename: file.name, mime: file.mime })).header('cache-control', 'no-store').send(file.bytes)
  })

  app.get('/api/v1/cases/:id/access', { onRequest: signedIn, schema: { tags, summary: "The case's list and its access history (owner and the board's head)", params: idParams, response: { 200: caseAccessDto } } }, async (req) =>
    caseAccess(db, keys, userOf(req), req.params.id),
  )

  app.post('/api/v1/cases/:id/access', { onRequest: signedIn, schema: { tags, summary: 'Put an account or a group on the list', params: idParams, body: caseAccessInput, response: { 200: caseAccessDto } } }, async (req) =>
    grantAccess(db, keys, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.delete('/api/v1/cases/:id/access/:entryId', { onRequest: signedIn, schema: { tags, summary: 'Take an account or a group off the list', params: accessEntryParams, response: { 200: caseAccessDto } } }, async (req) =>
    revokeAccess(db, keys, userOf(req), actorOf(req, clock()), req.params.id, req.params.entryId),
  )

  app.get('/api/v1/case-groups', { onRequest: requireUser(CASE_GROUP_ROLES), schema: { tags, summary: 'Named groups and pending membership requests', response: { 200: caseGroupListDto } } }, async () => ({ items: await listGroups(db) }))

  app.post('/api/v1/case-groups', { onRequest: requireUser(['unitHead']), schema: { tags, summary: "The board's head creates a named group", body: caseGroupInput, response: { 201: caseGroupListDto } } }, async (req, reply) => {
    await createGroup(db, userOf(req), actorOf(req, clock()), req.body.name)
    reply.status(201)
    return { items: await listGroups(db) }
  })

  app.post('/api/v1/case-groups/:id/members', { onRequest: requireUser(['unitHead', 'admin']), schema: { tags, summary: "Add a member (the board's head), or ask to (an administrator)", params: idParams, body: groupMemberInput, response: { 200: caseGroupListDto } } }, async (req) => {
    await changeGroupMember(db, userOf(req), actorOf(req, clock()), req.params.id, req.body.accountId, 'add')
    return { items: await listGroups(db) }
  })

  app.delete('/api/v1/case-groups/:id/members/:accountId', { onRequest: requireUser(['unitHead', 'admin']), schema: { tags, summary: "Remove a member (the board's head), or ask to (an administrator)", params: groupMemberParams, response: { 200: caseGroupListDto } } }, async (req) => {
    await changeGroupMember(db, userOf(req), actorOf(req, clock()), req.params.id, req.params.accountId, 'remove')
    return { items: await listGroups(db) }
  })

  for (const [verb, decision] of [['approve', 'approved'], ['refuse', 'refused']] as const) {
    app.post(`/api/v1/case-group-requests/:id/${verb}`, { onRequest: requireUser(['unitHead']), schema: { tags, summary: `The board's head decides an administrator's request (${verb})`, params: idParams, response: { 200: caseGroupListDto } } }, async (req) => {
      await decideGroupRequest(db, userOf(req), actorOf(req, clock()), req.params.id, decision)
      return { items: await listGroups(db) }
    })
  }

  app.get('/api/v1/me/case-notices', { onRequest: signedIn, schema: { tags, summary: 'Notices addressed to me as the subject of a case, with my answers', response: { 200: myCaseNoticeListDto } } }, async (req) =>
    myNotices(cases, userOf(req), actorOf(req, clock())),
  )

  app.post('/api/v1/case-notices/:id/submissions', { onRequest: signedIn, schema: { tags, summary: 'Answer a notice addressed to me: explanation, complaint or appeal', params: idParams, body: submissionInput, response: { 201: caseSubmissionDto } } }, async (req, reply) => {
    reply.status(201)
    return submitToNotice(cases, userOf(req), actorOf(req, clock()), req.params.id, req.body)
  })

  // Uploads in their own context, so the multipart parser applies only here.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: CASE_FILE_MAX_BYTES, files: 1, fields: 2 } })
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/cases/:id/files', {
      onRequest: signedIn,
      schema: { tags, summary: 'Attach a document (sealed with the case)', consumes: ['multipart/form-data'], params: idParams, body: fileUpload, response: { 201: caseFileDto } },
    }, async (req, reply) => {
      // Need-to-know before reading the upload: off the list, nothing is read.
      await caseOnList(db, userOf(req), req.params.id)
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE')
      const file = await req.file()
      if (!file) throw invalid({ file: 'required' })
      const bytes = await file.toBuffer()
      if (!bytes.length) throw invalid({ file: 'required' })
      // As for evidence: the name cleaned, the type judged by the content, never the browser's word.
      const name = cleanFileName(file.filename)
      if (!name) throw invalid({ file: 'noLetter' })
      const mime = storedFileType(bytes, name)
      if (!mime) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { file: 'format' }, undefined, STORED_FILE_TYPES_TEXT)
      reply.status(201)
      return addCaseFile(cases, userOf(req), actorOf(req, clock()), req.params.id, { name, mime, bytes })
    })
  })
}

