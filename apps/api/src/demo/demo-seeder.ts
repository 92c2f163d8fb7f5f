import type { DataSource } from 'typeorm';

// Interim: the demo generator is being written; this file is replaced by it.
export class DemoSeeder {
  constructor(private readonly dataSource: DataSource) {}

  async seedIfEmpty(): Promise<boolean> {
    void this.dataSource;
    return false;
  }
}
