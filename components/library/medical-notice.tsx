// The "not medical advice" notice on every library page: visible, plain and not dismissible.
export function MedicalNotice({ className = '' }: { className?: string }) {
  return (
    <aside
      aria-label="Not medical advice"
      data-testid="medical-notice"
      className={`rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 ${className}`}
    >
      <p>
        <strong>Not medical advice.</strong> The Healing Library shares what published research and our elders&rsquo; experience suggest. It cannot tell you
        what is safe for you. Talk to a qualified health professional before making decisions about psychedelics or your medicines, and never stop a prescribed
        medicine on your own. In a crisis, contact local emergency services.
      </p>
    </aside>
  );
}
