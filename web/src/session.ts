import { graphql, GraphQLError } from "./api";
import { t, type TextKey } from "./i18n";

// Who is signed in. The session's bearer token lives in sessionStorage: a reload stays signed in, closing the browser
// signs out (a shared office computer keeps nobody's session). The user is what the server says the token is.

export type UserRole = "VIEWER" | "WORKER" | "ADMIN";

export interface SignedInUser {
  name: string;
  role: UserRole;
  municipalities: string[];
}

const signInMutation = `
  mutation SignIn($name: String!, $password: String!) {
    signIn(input: { name: $name, password: $password }) { token user { name role municipalities } }
  }`;

/** A role in the page's language: "darbinieks". */
export const roleName = (role: UserRole): string => t(`userRole.${role}` as TextKey);

let user: SignedInUser | null = null;

export const currentUser = (): SignedInUser | null => user;

/** Viewers only read; workers and admins add and change resources and ties. */
export const mayEdit = (): boolean => user?.role === "WORKER" || user?.role === "ADMIN";

export async function signIn(name: string, password: string): Promise<void> {
  forget(); // a token left from before would be sent with the request and answered for instead
  const data = await graphql<{ signIn: { token: string; user: SignedInUser } }>(signInMutation, { name, password });
  sessionStorage.setItem("token", data.signIn.token);
  user = data.signIn.user;
}

/**
 * Takes a token (a developer's from `token create`, or null for the one kept over a reload) and asks the server whose
 * it is; a token the server no longer takes (ended, expired) is forgotten, and the page is anonymous.
 */
export async function useToken(token: string | null): Promise<void> {
  if (token) sessionStorage.setItem("token", token);
  if (!sessionStorage.getItem("token")) return forget();
  try {
    user = (await graphql<{ me: SignedInUser | null }>("{ me { name role municipalities } }")).me;
  } catch (e) {
    if (!(e instanceof GraphQLError && e.code === "UNAUTHENTICATED")) throw e;
    forget();
  }
}

export async function signOut(): Promise<void> {
  try {
    await graphql("mutation { signOut }");
  } catch {
    // A session already ended (by an admin, or expired) needs no ending: the token is forgotten all the same.
  }
  forget();
}

function forget(): void {
  sessionStorage.removeItem("token");
  user = null;
}
