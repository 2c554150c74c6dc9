// What a member sees on the library's editor pages: a clear refusal (the server actions refuse too).
import Link from 'next/link';

export function EditorsOnly() {
  return (
    <div className="max-w-xl space-y-3" data-testid="library-forbidden">
      <h1 className="text-2xl font-semibold text-stone-900">Elders and admins only</h1>
      <p className="text-stone-700">
        Library articles are written and reviewed by Fireside&rsquo;s elders. You can read every article, and suggest changes in a discussion or to an elder.
      </p>
      <p>
        <Link href="/library" className="text-ember-700 underline">
          Back to the Healing Library
        </Link>
      </p>
    </div>
  );
}
