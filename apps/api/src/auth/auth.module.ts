import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { OidcController } from './oidc.controller.js';
import { OidcService } from './oidc.service.js';
import { SessionService } from './session.service.js';

@Module({
  imports: [AccountsModule, AuditModule],
  controllers: [OidcController],
  providers: [AuthService, SessionService, AuthResolver, OidcService],
  exports: [SessionService],
})
export class AuthModule {}
