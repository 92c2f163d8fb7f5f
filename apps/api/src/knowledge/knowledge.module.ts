import { Module } from '@nestjs/common';
import { KnowledgeResolver } from './knowledge.resolver.js';
import { KnowledgeService } from './knowledge.service.js';

@Module({ providers: [KnowledgeService, KnowledgeResolver] })
export class KnowledgeModule {}
