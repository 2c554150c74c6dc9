// The Fireside mark: an inline SVG flame, so it looks the same on every device (no emoji font needed).
export function FlameLogo({ className = 'h-6 w-6' }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={className}>
      <path
        fill="#c2410c"
        d="M12 2c.6 3.2-1 5.3-2.6 7.2C7.8 11.1 6.5 12.8 6.5 15.3A5.5 5.5 0 0 0 12 21a5.5 5.5 0 0 0 5.5-5.7c0-2.4-1.2-4.3-2.4-5.6.1 1.6-.4 2.9-1.5 3.6.3-3.9-.6-7.5-1.6-11.3Z"
      />
      <path fill="#fdba74" d="M12 21a3 3 0 0 1-3-3.1c0-1.6 1-2.6 1.9-3.6.4 1.1 1.2 1.7 2 1.9-.2-1.2.1-2.3.7-3.2 1 1.2 1.4 2.6 1.4 3.9A3 3 0 0 1 12 21Z" />
    </svg>
  );
}
