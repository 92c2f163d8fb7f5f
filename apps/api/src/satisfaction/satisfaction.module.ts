import { Module } from '@nestjs/common';
import { CitySatisfactionResolver, SatisfactionResolver } from './satisfaction.resolver.js';
import { SatisfactionService } from './satisfaction.service.js';

@Module({
  providers: [SatisfactionService, SatisfactionResolver, CitySatisfactionResolver],
  exports: [SatisfactionService],
})
export class SatisfactionModule {}
