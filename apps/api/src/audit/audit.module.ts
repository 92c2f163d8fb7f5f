import { Global, Module } from '@nestjs/common';
import { AuditWriter } from '../database/index.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

/** Exports the audit log's writer to the write path (database/write-path.ts) and its reader to the exports. */
@Global()
@Module({
  providers: [
    AuditService,
    { provide: AuditWriter, useExisting: AuditService },
    AuditLogService,
    AuditResolver,
  ],
  exports: [AuditWriter, AuditService, AuditLogService],
})
export class AuditModule {}
