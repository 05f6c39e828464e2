import { SubmitButton } from '@/components/submit-button';
import { PHOTO_PROBLEM_MESSAGES, type PhotoProblem } from '@/lib/profile/photo';
import { removePhotoAction } from './actions';

/** Upload goes to the route handler beside this page (multipart, up to 5 MB). */
export function PhotoSection({
  photoPath,
  problem,
}: {
  photoPath: string | null;
  problem?: string;
}) {
  const message =
    problem && problem in PHOTO_PROBLEM_MESSAGES
      ? PHOTO_PROBLEM_MESSAGES[problem as PhotoProblem]
      : null;
  return (
    <section aria-labelledby="photo-heading" className="card">
      <h2 id="photo-heading">Photo</h2>
      {photoPath ? (
        // eslint-disable-next-line @next/next/no-img-element -- a private, per-user file served by our route
        <img
          src={photoPath}
          alt="Your profile photo"
          width={120}
          height={120}
          className="profile-photo"
        />
      ) : (
        <p>No photo yet.</p>
      )}
      <form method="post" action="/settings/profile/photo" encType="multipart/form-data">
        <div className="field">
          <label htmlFor="photo">{photoPath ? 'Replace the photo' : 'Upload a photo'}</label>
          <p id="photo-hint" className="hint">
            PNG or JPEG, up to 5 MB. A clear head-and-shoulders photo works best.
          </p>
          <input
            type="file"
            id="photo"
            name="photo"
            accept="image/png,image/jpeg"
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? 'photo-hint photo-error' : 'photo-hint'}
          />
          {message && (
            <p id="photo-error" className="field-error" role="alert">
              {message}
            </p>
          )}
        </div>
        <button type="submit">Upload photo</button>
      </form>
      {photoPath && (
        <form action={removePhotoAction}>
          <SubmitButton pendingLabel="Removing…">Remove the photo</SubmitButton>
        </form>
      )}
    </section>
  );
}
