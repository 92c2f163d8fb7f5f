import { computed, inject, Injectable } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  ChangePasswordDocument,
  LoginDocument,
  LogoutDocument,
  MeDocument,
} from '../graphql/generated/graphql';
import { queryResource } from './graphql-resource';

/**
 * The signed-in account and what it may change. The API decides; this only spares users controls that
 * would be refused (admins everything; leads their working groups; editors and CDOs their city).
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly apollo = inject(Apollo);

  readonly me = queryResource(MeDocument, () => ({}));
  readonly account = computed(() => this.me.value()?.me?.account ?? null);
  readonly roles = computed(() => this.me.value()?.me?.roles ?? []);
  readonly isAdmin = computed(() => this.roles().some((r) => r.role === 'ADMIN'));
  /** The city a CDO or city editor works for: the pages open on it. */
  readonly ownCityId = computed(
    () =>
      this.roles().find((r) => (r.role === 'CDO' || r.role === 'CITY_EDITOR') && r.cityId)?.cityId ?? null,
  );
  /** The working groups the account leads. */
  readonly ledWorkingGroupIds = computed(() => [
    ...new Set(
      this.roles().flatMap((r) =>
        r.role === 'WORKING_GROUP_LEAD' && r.workingGroupId ? [r.workingGroupId] : [],
      ),
    ),
  ]);
  /** False until it is known who is signed in (or that nobody is). */
  readonly known = computed(() => this.me.hasValue() || this.me.error() !== undefined);

  /** Resolves once it is known whether someone is signed in. */
  async current() {
    const result = await firstValueFrom(
      this.apollo.query({ query: MeDocument, fetchPolicy: 'network-only' }),
    );
    const me = result.data?.me ?? null;
    if (!me) this.signedOut();
    return me;
  }

  /** Nobody is signed in any more (the session ended): the shell must not show the old account. */
  signedOut(): void {
    if (this.account()) this.me.set({ me: null });
  }

  mayEditCity(cityId: string | null | undefined): boolean {
    return (
      this.isAdmin() ||
      (!!cityId &&
        this.roles().some((r) => (r.role === 'CITY_EDITOR' || r.role === 'CDO') && r.cityId === cityId))
    );
  }

  mayEditWorkingGroup(workingGroupId: string | null | undefined): boolean {
    return (
      this.isAdmin() ||
      (!!workingGroupId &&
        this.roles().some((r) => r.role === 'WORKING_GROUP_LEAD' && r.workingGroupId === workingGroupId))
    );
  }

  /** Admins and working-group leads keep projects and milestones (of their groups). */
  mayKeepProjects(): boolean {
    return this.roles().some((r) => r.role === 'ADMIN' || r.role === 'WORKING_GROUP_LEAD');
  }

  /** Imports: admins for every city, CDOs and city editors for their city's rows. */
  mayImport(): boolean {
    return this.roles().some((r) => r.role === 'ADMIN' || r.role === 'CDO' || r.role === 'CITY_EDITOR');
  }

  mayReadAudit(): boolean {
    return this.roles().some((r) => r.role === 'ADMIN' || r.role === 'CDO');
  }

  async login(username: string, password: string): Promise<void> {
    await firstValueFrom(this.apollo.mutate({ mutation: LoginDocument, variables: { username, password } }));
    await this.apollo.client.clearStore();
    this.me.reload();
  }

  /**
   * Signs the same account in again after its session ended, keeping the page's requests: those waiting
   * for the new session must not be cancelled, which clearing the store would do.
   */
  async resume(password: string): Promise<void> {
    const username = this.account()?.username;
    if (!username) throw new Error('Nobody was signed in.');
    await firstValueFrom(this.apollo.mutate({ mutation: LoginDocument, variables: { username, password } }));
    this.me.reload();
  }

  async logout(): Promise<void> {
    await firstValueFrom(this.apollo.mutate({ mutation: LogoutDocument }));
    await this.apollo.client.clearStore();
    this.me.set({ me: null });
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await firstValueFrom(
      this.apollo.mutate({ mutation: ChangePasswordDocument, variables: { currentPassword, newPassword } }),
    );
    this.me.reload();
  }
}
