import { Global, Module } from '@nestjs/common';
import { AUDIT_WRITER } from '../database/index.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditBatchRowResolver, AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

/** Exports the audit log's writer to the write path (database/write-path.ts) and its reader to the exports. */
@Global()
@Module({
  providers: [
    AuditService,
    { provide: AUDIT_WRITER, useExisting: AuditService },
    AuditLogService,
    AuditResolver,
    AuditBatchRowResolver,
  ],
  exports: [AUDIT_WRITER, AuditService, AuditLogService],
})
export class AuditModule {}
