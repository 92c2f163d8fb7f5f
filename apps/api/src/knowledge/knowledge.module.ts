import { Module } from '@nestjs/common';
import { KnowledgeEntryChangeResolver, KnowledgeResolver } from './knowledge.resolver.js';
import { KnowledgeService } from './knowledge.service.js';

@Module({ providers: [KnowledgeService, KnowledgeResolver, KnowledgeEntryChangeResolver] })
export class KnowledgeModule {}
