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

  /** Resolves once it is known whether someone is signed in. */
  async current() {
    const result = await firstValueFrom(
      this.apollo.query({ query: MeDocument, fetchPolicy: 'network-only' }),
    );
    return result.data?.me ?? null;
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

  async logout(): Promise<void> {
    await firstValueFrom(this.apollo.mutate({ mutation: LogoutDocument }));
    await this.apollo.client.clearStore();
    this.me.reload();
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await firstValueFrom(
      this.apollo.mutate({ mutation: ChangePasswordDocument, variables: { currentPassword, newPassword } }),
    );
    this.me.reload();
  }
}
