import { Module } from '@nestjs/common';
import { AdoptionsResolver } from './adoptions.resolver.js';
import { AdoptionsService } from './adoptions.service.js';

@Module({ providers: [AdoptionsService, AdoptionsResolver] })
export class AdoptionsModule {}
