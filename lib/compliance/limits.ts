/**
 * Document limits, in a module without imports so the browser form can show them (the
 * content check in documents.ts needs Node and stays on the server).
 */
export const MAX_DOCUMENTS = 5;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** For the file input's `accept`: a hint to the browser only; the server reads the bytes. */
export const DOCUMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
