/** Base.User: returned by Session, Spreadsheet.getOwner/getEditors and Protection.getEditors. */
import { SERVICE } from './record';

export class FakeUser {
  /** The service depends on who handed the user out, so calls count towards that service. */
  readonly [SERVICE]: string;

  constructor(
    service: string,
    private readonly email: string,
  ) {
    this[SERVICE] = service;
  }

  getEmail(): string {
    return this.email;
  }

  getUsername(): string {
    return this.email.split('@')[0] ?? '';
  }

  toString(): string {
    return this.email;
  }
}

/** Methods taking "email or User" get a raw FakeUser (the recorder unwraps proxies). */
export function emailOf(user: unknown): string {
  if (user instanceof FakeUser) return user.getEmail();
  return String(user).trim();
}
