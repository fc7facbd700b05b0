/**
 * A labelled file input for an image upload (PNG, JPEG or WebP; lib/uploads checks the bytes
 * again), with its hint and the errors the server gave it, wired for screen readers.
 */
export function ImageFileInput({ id, name, label, hint, errors }: { id: string; name: string; label: string; hint: string; errors: string[] }) {
  return (
    <>
      <label htmlFor={id} className="block font-medium">{label}</label>
      <input
        id={id}
        name={name}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={`${id}-hint${errors.length ? ` ${id}-error` : ''}`}
        className="block text-sm"
      />
      <p id={`${id}-hint`} className="text-sm text-stone-600">{hint}</p>
      {errors.length > 0 && <p id={`${id}-error`} className="text-sm text-red-800">{errors.join(' ')}</p>}
    </>
  );
}
