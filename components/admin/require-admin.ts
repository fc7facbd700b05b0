import 'server-only';
import { notFound } from 'next/navigation';
import { getCurrentUser, hasRole, type CurrentUser } from '@/lib/dal/session';

/**
 * For admin pages and their layout: anyone who is not an admin, signed in or not, gets the
 * ordinary 404, which says nothing about the page existing. The DAL checks again on every read
 * and write; this only decides what to render.
 */
export async function requireAdminPage(): Promise<CurrentUser> {
  const user = await adminViewer();
  if (!user) notFound();
  return user;
}

/** The visitor when they are an admin, else null: for what is decided beside the page (its metadata). */
export async function adminViewer(): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  return user && hasRole(user, 'ADMIN') ? user : null;
}
