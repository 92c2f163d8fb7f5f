import { Global, Module } from '@nestjs/common';
import { AuditLogService } from './audit-log.service.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

/** Global: every feature that changes data writes to the audit log. */
@Global()
@Module({ providers: [AuditService, AuditLogService, AuditResolver], exports: [AuditService] })
export class AuditModule {}
