import { Module } from '@nestjs/common';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { OidcController } from './oidc.controller.js';
import { OidcService } from './oidc.service.js';
import { SessionService } from './session.service.js';

@Module({
  controllers: [OidcController],
  providers: [AuthService, SessionService, AuthResolver, OidcService],
  exports: [SessionService],
})
export class AuthModule {}
