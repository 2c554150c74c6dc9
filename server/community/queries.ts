// Reads of the community's moderation and care settings, with their defaults: how many of a member's first questions
// wait for review, the community's blocked terms, the kind reasons facilitators pick when rejecting, the care word
// list, the crisis resources and the report threshold. Admins edit them (server/community/commands.ts); the
// moderation queue and the care lane read them here.

import type { CareResourceList, CareResourceView } from '@/lib/care/views';
import { DEFAULT_NEW_MEMBER_HOLDS } from '@/lib/moderation/schema';
import type { ReasonTemplateView } from '@/lib/moderation/views';
import { db } from '../db/client';

const NEW_MEMBER_HOLDS_KEY = 'newMemberHolds';

/** The "new member" tier: how many of a member's first questions in the community wait for review. */
export async function getNewMemberHolds(): Promise<number> {
  const row = await db().communitySetting.findUnique({ where: { key: NEW_MEMBER_HOLDS_KEY }, select: { value: true } });
  const n = row ? Number.parseInt(row.value, 10) : Number.NaN;
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_NEW_MEMBER_HOLDS;
}

/** The community's own word list (the word filter adds obscenity's English list). */
export async function getBlockedTerms(): Promise<string[]> {
  const rows = await db().blockedTerm.findMany({ select: { term: true }, orderBy: { term: 'asc' } });
  return rows.map((r) => r.term);
}

/** Kind defaults, offered until an admin writes the community's own templates. */
const DEFAULT_REASON_TEMPLATES: ReasonTemplateView[] = [
  {
    id: 'default-off-topic',
    label: 'Off-topic for tonight',
    body: 'Thank you for asking. This one is off-topic for tonight’s discussion; it may fit another circle better.',
  },
  {
    id: 'default-rephrase',
    label: 'Please rephrase kindly',
    body: 'Thank you for asking. Could you rephrase it more gently? Everyone here is sharing something personal.',
  },
  {
    id: 'default-private-details',
    label: 'Shares someone’s private details',
    body: 'Thank you for asking. It shares details that could identify someone; please ask again without them.',
  },
  { id: 'default-answered', label: 'Already answered', body: 'Thank you for asking. This was already answered earlier in the discussion.' },
];

/** The reasons a facilitator can pick when rejecting a question, in the admins' order (defaults when none). */
export async function listReasonTemplates(): Promise<ReasonTemplateView[]> {
  const rows = await db().reasonTemplate.findMany({ orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], select: { id: true, label: true, body: true } });
  return rows.length ? rows : DEFAULT_REASON_TEMPLATES;
}

// ---- Care settings ----
// The care defaults hold until an admin saves the community's own list (a CommunitySetting marks that), so deleting
// every term never brings the defaults back by surprise.

/** CommunitySetting keys: present once admins saved their own list (value "1"), and the report threshold. */
export const CARE_TERMS_SAVED_KEY = 'careTermsSaved';
export const CARE_RESOURCES_SAVED_KEY = 'careResourcesSaved';
export const REPORT_HIDE_THRESHOLD_KEY = 'reportHideThreshold';
const DEFAULT_REPORT_HIDE_THRESHOLD = 3;

/**
 * Phrases that route a question into the care lane. Matching (server/care/match.ts) folds case, spacing,
 * punctuation and common misspellings, so each phrase is written once, plainly. English and Swedish.
 */
export const DEFAULT_CARE_TERMS: readonly string[] = [
  // English
  'kill myself',
  'killing myself',
  'end my life',
  'ending my life',
  'take my own life',
  'suicide',
  'suicidal',
  'want to die',
  'wanna die',
  'wish i was dead',
  'better off dead',
  'no reason to live',
  'dont want to live',
  'do not want to live',
  'dont want to be alive',
  'cant go on',
  'hurt myself',
  'harm myself',
  'self harm',
  'cut myself',
  'cutting myself',
  'overdose on purpose',
  // Swedish
  'ta livet av mig',
  'ta mitt liv',
  'självmord',
  'självmordstankar',
  'vill dö',
  'vill inte leva',
  'orkar inte leva',
  'inget att leva för',
  'skada mig själv',
  'skära mig',
];

/** Shipped resources: the community must check them (the UI says so while these are in use). */
export const DEFAULT_CARE_RESOURCES: readonly CareResourceView[] = [
  {
    id: 'default-emergency',
    name: 'Local emergency services',
    contact: 'Call your local emergency number: 112 (EU), 911 (US), 999 (UK)',
    region: 'Everywhere',
    description: 'If you or someone else is in immediate danger, call now.',
  },
  {
    id: 'default-988',
    name: '988 Suicide & Crisis Lifeline',
    contact: 'Call or text 988',
    region: 'United States',
    description: 'Free, confidential, 24/7.',
  },
  {
    id: 'default-samaritans',
    name: 'Samaritans',
    contact: 'Call 116 123',
    region: 'UK and Ireland',
    description: 'Free, any time, day or night.',
  },
  {
    id: 'default-mind',
    name: 'Mind Självmordslinjen',
    contact: 'Call 90101',
    region: 'Sweden',
    description: 'Samtal, chatt och mejl för dig som har tankar på självmord.',
  },
  {
    id: 'default-fireside-project',
    name: 'Fireside Project psychedelic peer support',
    contact: 'Call or text 62-FIRESIDE (623-473-7433)',
    region: 'United States',
    description: 'Peer support during and after psychedelic experiences.',
  },
];

async function isSaved(key: string): Promise<boolean> {
  return (await db().communitySetting.findUnique({ where: { key }, select: { key: true } })) !== null;
}

/** The care word list in force: the community's own once saved, else the defaults. */
export async function getCareTerms(): Promise<string[]> {
  if (!(await isSaved(CARE_TERMS_SAVED_KEY))) return [...DEFAULT_CARE_TERMS];
  const rows = await db().careTerm.findMany({ select: { term: true }, orderBy: { term: 'asc' } });
  return rows.map((r) => r.term);
}

/** The care word list for the admins' page: `isDefault` while the shipped phrases are in force. */
export async function getCareTermList(): Promise<{ terms: string[]; isDefault: boolean }> {
  const isDefault = !(await isSaved(CARE_TERMS_SAVED_KEY));
  return { terms: await getCareTerms(), isDefault };
}

/** The crisis resources in force, in the admins' order; `isDefault` while the shipped list is used. */
export async function getCareResources(): Promise<CareResourceList> {
  if (!(await isSaved(CARE_RESOURCES_SAVED_KEY))) return { resources: [...DEFAULT_CARE_RESOURCES], isDefault: true };
  const resources = await db().careResource.findMany({
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, name: true, contact: true, region: true, description: true },
  });
  return { resources, isDefault: false };
}

/** How many distinct reporters hide a question pending review (admins set it; default 3). */
export async function getReportHideThreshold(): Promise<number> {
  const row = await db().communitySetting.findUnique({ where: { key: REPORT_HIDE_THRESHOLD_KEY }, select: { value: true } });
  const n = row ? Number.parseInt(row.value, 10) : Number.NaN;
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_REPORT_HIDE_THRESHOLD;
}
