/** Title row of a floating card or panel, with its close button. */
export function CardHeader({
  id,
  title,
  closeLabel,
  onClose,
  children,
}: {
  id: string;
  title: string;
  closeLabel: string;
  onClose(): void;
  children?: React.ReactNode;
}) {
  return (
    <header>
      <h2 id={id}>
        {title}
        {children}
      </h2>
      <button type="button" onClick={onClose} aria-label={closeLabel}>
        ×
      </button>
    </header>
  );
}
