/** A small colour square for chart legends; decorative, the label beside it carries the meaning. */
export function Swatch({ color }: { color: string }) {
  return (
    <span
      aria-hidden="true"
      style={{
        width: 12,
        height: 12,
        borderRadius: 2,
        background: color,
        display: 'inline-block',
        flex: 'none',
      }}
    />
  );
}
