import { Module } from '@nestjs/common';
import { CooperationsResolver, MembershipResolver } from './cooperations.resolver.js';
import { CooperationsService } from './cooperations.service.js';

@Module({
  providers: [CooperationsService, CooperationsResolver, MembershipResolver],
  exports: [CooperationsService],
})
export class CooperationsModule {}
