'use client';
// The facilitator console (/discussions/<id>/moderate): the held queue, the live list with its "up next"
// order, answered, hidden/rejected; the people present and the sanctions; the other facilitators' feed. Keyboard
// first (tinykeys; `?` lists the keys), every action also a button. Real time over the tab's socket.
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { defaultKeybindingsHandlerIgnore, tinykeys } from 'tinykeys';
import { DegradedBanner } from '@/components/realtime/degraded-banner';
import { useServerNow } from '@/components/time/use-server-clock';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { QuestionView } from '@/lib/live/views';
import type { ParticipantTarget } from '@/lib/moderation/schema';
import type { SanctionView } from '@/lib/moderation/views';
import { Backchannel } from './backchannel';
import { CareLane, PrivateReplyDialog } from './care-lane';
import { activeSanctions, type ConsoleTab, nextToHighlight, TAB_LABELS, tabItems, upNext } from './console-model';
import { type DialogState, KeysDialog, MergeDialog, RedactDialog, RejectDialog, RevealDialog, SanctionDialog } from './dialogs';
import { ModeratorsOnly } from './moderators-only';
import { type ItemAction, QueueItem } from './queue-item';
import { Feed, PeoplePanel } from './side-panels';
import { useModeration } from './use-moderation';

type Props = {
  discussionId: string;
  title: string;
  moderationMode: 'PRE' | 'POST';
  me: { id: string; name: string };
  serverTimeAtRender: number;
  /** Hosts and admins: a link to the discussion's moderation log. */
  canReadLog?: boolean;
};

const TABS: ConsoleTab[] = ['queue', 'live', 'answered', 'closed'];
const UNDO_MS = 10_000;

type Undo = { kind: 'answered' | 'hidden'; q: QuestionView; until: number };

export function ModerationConsole({ discussionId, title, moderationMode, me, serverTimeAtRender, canReadLog = false }: Props) {
  const m = useModeration(discussionId, me);
  const now = useServerNow(serverTimeAtRender, 1000);
  const [tab, setTab] = useState<ConsoleTab>('queue');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [lastIndex, setLastIndex] = useState(0);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [undo, setUndo] = useState<Undo | null>(null);
  const itemRefs = useRef(new Map<string, HTMLLIElement>());
  const listRef = useRef<HTMLDivElement>(null);

  const role = m.room.room?.role;
  const isAdmin = role === 'admin';
  const questions = m.room.questions;
  const all = useMemo(() => Object.values(questions), [questions]);
  const lists = useMemo(() => Object.fromEntries(TABS.map((t) => [t, tabItems(all, t)])) as Record<ConsoleTab, QuestionView[]>, [all]);
  const list = lists[tab];
  const queued = useMemo(() => upNext(all), [all]);
  const selectedIndex = (() => {
    const i = selectedId ? list.findIndex((q) => q.id === selectedId) : -1;
    return i >= 0 ? i : Math.min(lastIndex, list.length - 1);
  })();
  const selected = selectedIndex >= 0 ? list[selectedIndex] : undefined;

  const select = useCallback(
    (q: QuestionView | undefined, focus = false) => {
      if (!q) return;
      setSelectedId(q.id);
      setLastIndex(
        Math.max(
          0,
          lists[tab].findIndex((x) => x.id === q.id),
        ),
      );
      if (focus) itemRefs.current.get(q.id)?.focus();
    },
    [lists, tab],
  );

  // When the selected item leaves the list (approved, rejected…), its neighbour takes its place and the focus.
  const selectedKey = selected?.id;
  useEffect(() => {
    if (!selectedKey) return;
    const active = document.activeElement;
    if (!active || active === document.body || (listRef.current?.contains(active) && !active.isConnected)) itemRefs.current.get(selectedKey)?.focus();
  }, [selectedKey]);

  // A conflict answered an action: the dialog it came from was about a state that is gone.
  const { conflicts } = m;
  useEffect(() => {
    if (conflicts > 0) setDialog(null);
  }, [conflicts]);

  // The undo offer lasts 10 s.
  useEffect(() => {
    if (!undo) return;
    const t = setTimeout(() => setUndo(null), Math.max(0, undo.until - Date.now()));
    return () => clearTimeout(t);
  }, [undo]);

  const { act } = m;
  const targetOf = (q: QuestionView): { target: ParticipantTarget; label: string } =>
    q.author?.id ? { target: { userId: q.author.id }, label: q.author.name } : { target: { questionId: q.id }, label: q.pseudonym ?? 'the anonymous asker' };

  const run = async (action: ItemAction, q: QuestionView) => {
    const v = { questionId: q.id, version: q.version };
    const go = async <T,>(p: Promise<T>) => {
      setBusy(q.id);
      try {
        return await p;
      } finally {
        setBusy(null);
      }
    };
    switch (action) {
      case 'approve':
        return void go(act('question:approve', v));
      case 'restore':
        return void go(act('question:restore', v));
      case 'hide': {
        const done = await go(act('question:hide', v));
        if (done) setUndo({ kind: 'hidden', q, until: Date.now() + UNDO_MS });
        return;
      }
      case 'queue':
        return void go(act('question:queue', { ...v, position: queued.length }));
      case 'unqueue':
        return void go(act('question:queue', { ...v, position: null }));
      case 'up':
      case 'down': {
        if (q.queuePosition === null) return;
        const at = queued.findIndex((x) => x.id === q.id);
        const to = action === 'up' ? at - 1 : at + 1;
        if (to < 0 || to >= queued.length) return;
        return void go(act('question:queue', { ...v, position: to }));
      }
      case 'highlight':
        return void go(act('question:highlight', { discussionId, questionId: q.id }));
      case 'unhighlight':
        return void go(act('question:highlight', { discussionId, questionId: null }));
      case 'answer': {
        const done = await go(act('question:answer', { questionId: q.id }));
        if (done) setUndo({ kind: 'answered', q, until: Date.now() + UNDO_MS });
        return;
      }
      case 'unanswer':
        return void go(act('question:unanswer', { questionId: q.id }));
      case 'claim':
        return void go(act('question:claim', { questionId: q.id }));
      case 'release':
        return void go(act('question:claim', { questionId: q.id, release: true }));
      case 'reject':
      case 'redact':
      case 'merge':
      case 'reveal':
      case 'private_reply':
        return setDialog({ kind: action, q });
      case 'mute':
      case 'remove':
      case 'ban':
        return setDialog({ kind: action, ...targetOf(q) });
    }
  };

  const undoLast = async () => {
    if (!undo || undo.until < Date.now()) return setUndo(null);
    const done =
      undo.kind === 'answered'
        ? await act('question:unanswer', { questionId: undo.q.id })
        : await act('question:restore', { questionId: undo.q.id, version: questions[undo.q.id]?.version });
    if (done) setUndo(null);
  };

  const highlightNext = async () => {
    const next = nextToHighlight(all, m.room.highlight);
    if (!next) return m.setMessage({ tone: 'info', text: 'Nothing is up next. Put a question up next first (q).' });
    // It is being answered now: it leaves the "up next" order.
    if (await act('question:highlight', { discussionId, questionId: next.id })) await act('question:queue', { questionId: next.id, position: null });
  };

  // The keys call the latest handlers (state changes every render); bound once.
  const keys = useRef<Record<string, () => void>>({});
  keys.current = {
    j: () => select(list[Math.min(list.length - 1, selectedIndex + 1)], true),
    k: () => select(list[Math.max(0, selectedIndex - 1)], true),
    a: () => selected && void run(selected.status === 'PENDING' ? 'approve' : 'restore', selected),
    r: () => selected?.status === 'PENDING' && void run('reject', selected),
    h: () => {
      if (selected?.status === 'VISIBLE') void run('hide', selected);
      else if (selected?.status === 'PENDING')
        m.setMessage({ tone: 'info', text: 'Hide takes an approved question out of the room. For one waiting for review, reject it (r).' });
    },
    e: () => selected && (selected.status === 'PENDING' || selected.status === 'VISIBLE') && void run('redact', selected),
    m: () => selected && (selected.status === 'PENDING' || selected.status === 'VISIBLE') && void run('merge', selected),
    q: () => selected?.status === 'VISIBLE' && !selected.answeredAt && void run(selected.queuePosition === null ? 'queue' : 'unqueue', selected),
    'Shift+J': () => selected && void run('down', selected),
    'Shift+K': () => selected && void run('up', selected),
    c: () => selected && void run(selected.claim?.byId === me.id ? 'release' : 'claim', selected),
    n: () => void highlightNext(),
    u: () => void undoLast(),
    '[Shift]+?': () => setDialog({ kind: 'keys' }),
    ...Object.fromEntries(
      TABS.map((t, i) => [
        String(i + 1),
        () => {
          setTab(t);
          setSelectedId(null);
          setLastIndex(0);
        },
      ]),
    ),
  };
  useEffect(() => {
    const bindings = Object.fromEntries(
      Object.keys(keys.current).map((k) => [
        k,
        (e: KeyboardEvent) => {
          e.preventDefault();
          keys.current[k]?.();
        },
      ]),
    );
    // Not while typing, and not while a dialog is open (it has its own keys).
    const ignore = (e: KeyboardEvent) => defaultKeybindingsHandlerIgnore(e) || !!document.querySelector('dialog[open]') || e.ctrlKey || e.metaKey || e.altKey;
    return tinykeys(window, bindings, { ignore });
  }, []);

  if (m.forbidden || (m.status === 'joined' && role === 'member')) return <ModeratorsOnly discussionId={discussionId} />;

  const highlighted = m.room.highlight ? questions[m.room.highlight] : undefined;
  const sanctions = activeSanctions(m.mod, now);
  const renderItems = (items: QuestionView[]) =>
    items.map((q) => (
      <QueueItem
        key={q.id}
        ref={(el) => {
          if (el) itemRefs.current.set(q.id, el);
          else itemRefs.current.delete(q.id);
        }}
        q={q}
        tab={tab}
        selected={q.id === selected?.id}
        highlighted={m.room.highlight === q.id}
        now={now}
        meId={me.id}
        isAdmin={isAdmin}
        busy={busy === q.id}
        revealedName={revealed[q.id]}
        mergedInto={q.mergedIntoId ? questions[q.mergedIntoId]?.body : undefined}
        onSelect={() => select(q)}
        onAction={(action) => void run(action, q)}
      />
    ));

  return (
    <div className="space-y-4" data-testid="moderation-console" data-join-status={m.status} data-loaded={m.mod.loaded ? 'yes' : 'no'}>
      <header className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1 basis-72">
          <p className="text-sm font-medium text-ember-800">Facilitator console</p>
          <h1 className="text-2xl font-semibold text-stone-900">{title}</h1>
          <p className="text-sm text-stone-700">
            {moderationMode === 'PRE'
              ? 'Pre-moderated: every member question waits for review.'
              : 'Post-moderated: questions appear at once; you can hide them.'}{' '}
            <span data-testid="console-connection" className={m.connected ? 'text-green-800' : 'text-amber-800'}>
              {m.connected ? 'Connected' : 'Reconnecting…'}
            </span>
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {canReadLog && (
            <Link
              href={`/discussions/${discussionId}/audit`}
              data-testid="console-audit-link"
              className="inline-flex min-h-10 items-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100"
            >
              Moderation log
            </Link>
          )}
          <Link
            href={`/discussions/${discussionId}/live`}
            target="_blank"
            className="inline-flex min-h-10 items-center rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100"
          >
            Open the live room<span className="sr-only"> (new tab)</span>
          </Link>
          <Button type="button" variant="secondary" onClick={() => setDialog({ kind: 'keys' })} aria-keyshortcuts="?">
            Keys (?)
          </Button>
        </div>
      </header>

      <DegradedBanner />

      <CareLane questions={all} meId={me.id} now={now} act={act} />

      {highlighted && (
        <div className="rounded-lg bg-ember-800 px-4 py-3 text-white" data-testid="console-highlight">
          <p className="text-xs font-semibold uppercase tracking-wide text-ember-100">Answering now</p>
          <p className="mt-1 line-clamp-3 whitespace-pre-wrap break-words">{highlighted.body}</p>
        </div>
      )}

      <div aria-live="polite" data-testid="console-message">
        {m.message && (
          <div className="flex items-start gap-3">
            <div className="flex-1">
              <Alert tone={m.message.tone === 'error' ? 'error' : 'info'}>{m.message.text}</Alert>
            </div>
            <Button type="button" variant="secondary" onClick={() => m.setMessage(null)} aria-label="Dismiss message">
              ×
            </Button>
          </div>
        )}
      </div>
      {m.notice && <Alert tone="error">{m.notice.message}</Alert>}
      {m.status === 'connecting' && <p className="text-stone-700">Connecting to the room…</p>}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <div className="min-w-0 space-y-3" ref={listRef}>
          <div role="tablist" aria-label="Questions by state" className="flex flex-wrap gap-1 border-b border-stone-200">
            {TABS.map((t, i) => (
              <button
                key={t}
                id={`tab-${t}`}
                role="tab"
                type="button"
                aria-selected={tab === t}
                aria-controls="console-panel"
                aria-keyshortcuts={String(i + 1)}
                onClick={() => {
                  setTab(t);
                  setSelectedId(null);
                  setLastIndex(0);
                }}
                className={`-mb-px min-h-11 border-b-2 px-3 text-sm font-medium ${tab === t ? 'border-ember-700 text-ember-800' : 'border-transparent text-stone-700 hover:text-stone-900'}`}
              >
                {TAB_LABELS[t]} <span data-testid={`count-${t}`}>({lists[t].length})</span>
              </button>
            ))}
          </div>
          <div id="console-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} data-testid="console-list" tabIndex={-1} className="outline-none">
            {list.length === 0 ? (
              <p className="py-6 text-center text-stone-600">
                {tab === 'queue'
                  ? 'Nothing waits for review.'
                  : tab === 'live'
                    ? 'No approved open questions.'
                    : tab === 'answered'
                      ? 'Nothing answered yet.'
                      : 'Nothing hidden or rejected.'}
              </p>
            ) : tab === 'live' ? (
              <>
                {queued.length > 0 && (
                  <>
                    <h2 className="mb-2 text-sm font-semibold text-stone-800">Up next</h2>
                    <ol className="mb-4 space-y-2" aria-label="Up next, in order">
                      {renderItems(list.filter((q) => q.queuePosition !== null))}
                    </ol>
                  </>
                )}
                {list.some((q) => q.queuePosition === null) && (
                  <>
                    <h2 className="mb-2 text-sm font-semibold text-stone-800">
                      {queued.length > 0 ? 'Other approved questions' : 'Approved questions, most votes first'}
                    </h2>
                    <ul className="space-y-2">{renderItems(list.filter((q) => q.queuePosition === null))}</ul>
                  </>
                )}
              </>
            ) : (
              <ul className="space-y-2">{renderItems(list)}</ul>
            )}
          </div>
        </div>

        <aside className="min-w-0 space-y-4" aria-label="People and activity">
          <Backchannel discussionId={discussionId} me={me} joinedSeq={m.room.joinedSeq} />
          <PeoplePanel
            attendees={(m.room.attendees ?? []).filter((a) => a.userId !== me.id)}
            sanctions={sanctions}
            now={now}
            isAdmin={isAdmin}
            onSanction={(kind, target, label) => setDialog({ kind, target, label })}
            onUnmute={(target) => void act('participant:unmute', { discussionId, target }).then((done) => done && m.dispatchMod({ type: 'lifted', target }))}
          />
          <Feed items={m.mod.feed.filter((i) => i.actorId !== me.id)} questions={questions} now={now} />
        </aside>
      </div>

      {undo && (
        <div
          role="status"
          data-testid="undo-toast"
          className="fixed inset-x-4 bottom-4 z-10 mx-auto flex max-w-md items-center gap-3 rounded-lg bg-stone-900 px-4 py-3 text-white shadow-lg"
        >
          <span className="flex-1 text-sm">{undo.kind === 'answered' ? 'Marked answered.' : 'Hidden from the room.'}</span>
          <button
            type="button"
            onClick={() => void undoLast()}
            aria-keyshortcuts="u"
            className="min-h-10 rounded-md border border-white/60 px-3 text-sm font-medium hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white"
          >
            Undo (u)
          </button>
        </div>
      )}

      {dialog?.kind === 'keys' && <KeysDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reject' && (
        <RejectDialog discussionId={discussionId} act={act} onClose={() => setDialog(null)} q={dialog.q} templates={m.mod.templates} />
      )}
      {dialog?.kind === 'private_reply' && <PrivateReplyDialog act={act} onClose={() => setDialog(null)} q={dialog.q} />}
      {dialog?.kind === 'redact' && <RedactDialog discussionId={discussionId} act={act} onClose={() => setDialog(null)} q={dialog.q} />}
      {dialog?.kind === 'merge' && (
        <MergeDialog discussionId={discussionId} act={act} onClose={() => setDialog(null)} q={dialog.q} candidates={[...lists.live, ...lists.queue]} />
      )}
      {dialog?.kind === 'reveal' && (
        <RevealDialog
          discussionId={discussionId}
          act={act}
          onClose={() => setDialog(null)}
          q={dialog.q}
          onRevealed={(name) => setRevealed((r) => ({ ...r, [dialog.q.id]: name }))}
        />
      )}
      {(dialog?.kind === 'mute' || dialog?.kind === 'remove' || dialog?.kind === 'ban') && (
        <SanctionDialog
          discussionId={discussionId}
          act={async (event, payload) => {
            const res = await act(event, payload);
            const data = res?.data as unknown;
            if (data && typeof data === 'object' && 'kind' in data) m.dispatchMod({ type: 'sanction', sanction: data as SanctionView });
            return res;
          }}
          onClose={() => setDialog(null)}
          kind={dialog.kind}
          target={dialog.target}
          label={dialog.label}
        />
      )}
    </div>
  );
}
