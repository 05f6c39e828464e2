/**
 * A client acting for their workspace: the one shape of "who sends this invite" along the
 * invite path (the signed-in client of an action, or the original sender of a fresh link).
 * It lives with accounts because both auth and invites read it.
 */
export type Inviter = { userId: string; name: string; workspaceId: string; workspaceName: string };
