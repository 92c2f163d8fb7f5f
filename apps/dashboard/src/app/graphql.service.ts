import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string }[];
}

/** Sends a GraphQL operation to the API of the same origin. */
@Injectable({ providedIn: 'root' })
export class GraphQLService {
  private readonly http = inject(HttpClient);

  async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await firstValueFrom(
      this.http.post<GraphQLResponse<T>>('/graphql', { query, variables }),
    );
    if (response.errors?.length || !response.data) {
      throw new Error(response.errors?.map((e) => e.message).join(' ') ?? 'Keine Daten erhalten.');
    }
    return response.data;
  }
}
