// Shown on every page while the demo accounts (public password) exist, so nobody mistakes a demo for the real thing.
export function DemoBanner() {
  return (
    <div role="note" data-testid="demo-banner" className="border-b border-amber-300 bg-amber-50 px-4 py-1.5 text-center text-sm text-amber-950">
      Demo community: sample accounts, not for real conversations
    </div>
  );
}
