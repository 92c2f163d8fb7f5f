import { Module } from '@nestjs/common';
import { SatisfactionResolver } from './satisfaction.resolver.js';
import { SatisfactionService } from './satisfaction.service.js';

@Module({ providers: [SatisfactionService, SatisfactionResolver] })
export class SatisfactionModule {}
