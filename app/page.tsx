import Link from 'next/link';

export default function HomePage() {
  return (
    <div className="space-y-10">
      <section className="rounded-2xl bg-gradient-to-br from-ember-800 to-night-900 px-6 py-12 text-white sm:px-10">
        <h1 className="max-w-2xl text-3xl font-semibold leading-tight sm:text-4xl">Gather around the fire. Ask what you need to ask.</h1>
        <p className="mt-4 max-w-2xl text-lg text-ember-100">
          Fireside hosts live discussions on psychedelic therapy and healing, led by elders and held by trained facilitators. Ask anonymously if you like; the
          room stays kind because moderators are accountable for it.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/discussions" className="rounded-md bg-white px-4 py-2 font-medium text-ember-800 no-underline hover:bg-ember-50">
            Upcoming discussions
          </Link>
          <Link href="/library" className="rounded-md border border-ember-200 px-4 py-2 font-medium text-white no-underline hover:bg-white/10">
            Explore the Healing Library
          </Link>
        </div>
      </section>
      <section aria-labelledby="how" className="grid gap-4 sm:grid-cols-3">
        <h2 id="how" className="sr-only">
          How Fireside works
        </h2>
        {[
          ['Learn', 'Read balanced articles on each modality: benefits, risks, contraindications and legal status, with references.'],
          ['Join', 'RSVP to a scheduled discussion and join the live room from any device.'],
          ['Ask', 'Ask and upvote questions in real time. Facilitators keep the conversation safe and on track.'],
        ].map(([title, text]) => (
          <div key={title} className="rounded-lg border border-stone-200 bg-white p-5">
            <h3 className="font-semibold text-stone-900">{title}</h3>
            <p className="mt-2 text-sm text-stone-700">{text}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
