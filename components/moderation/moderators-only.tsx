// What a member sees on a discussion's facilitator console: a clear refusal (every moderation command refuses too).
import Link from 'next/link';

export function ModeratorsOnly({ discussionId }: { discussionId: string }) {
  return (
    <div className="max-w-xl space-y-3" data-testid="moderation-forbidden">
      <h1 className="text-2xl font-semibold text-stone-900">Hosts and facilitators only</h1>
      <p className="text-stone-700">The facilitator console is for this discussion&rsquo;s hosts and facilitators. You can take part in the live room.</p>
      <p>
        <Link href={`/discussions/${discussionId}`} className="text-ember-700 underline">
          Back to the discussion
        </Link>
      </p>
    </div>
  );
}
