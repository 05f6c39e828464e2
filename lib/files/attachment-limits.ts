/**
 * Limits of the files attached to a milestone submission or a proposal, in a module without
 * Node imports so the forms can show them (the checks are in ./attachments.ts).
 */
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/** For the file input's `accept`: a hint to the browser only; the server reads the bytes. */
export const ATTACHMENT_ACCEPT =
  '.pdf,.png,.jpg,.jpeg,.zip,application/pdf,image/png,image/jpeg,application/zip';
