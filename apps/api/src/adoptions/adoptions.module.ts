import { Module } from '@nestjs/common';
import { AdoptionChangesResolver, AdoptionsResolver } from './adoptions.resolver.js';
import { AdoptionsService } from './adoptions.service.js';

@Module({ providers: [AdoptionsService, AdoptionsResolver, AdoptionChangesResolver] })
export class AdoptionsModule {}
